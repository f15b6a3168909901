/**
 * Who runs the platform, as the shell's server writes it into the page (`<meta name="gemeng:operator">`, from
 * GEMENG_OPERATOR_NAME, GEMENG_OPERATOR_ADDRESS, GEMENG_CONTACT_EMAIL, GEMENG_CONTACT_PHONE, GEMENG_DPO_EMAIL).
 */
export interface Operator {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  /** Empty when the operator gives none. */
  readonly phone: string;
  readonly dpoEmail: string;
}

export const OPERATOR_META_NAME = 'gemeng:operator';

const isText = (value: unknown): value is string => typeof value === 'string';

/** Reads and checks the page's operator; undefined without one (a commune website) or when it is malformed. */
export function pageOperator(doc: Document = document): Operator | undefined {
  const content = doc.head?.querySelector<HTMLMetaElement>(`meta[name="${OPERATOR_META_NAME}"]`)?.content;
  if (!content) return undefined;
  try {
    const value = JSON.parse(content) as Partial<Record<keyof Operator, unknown>>;
    const { name, address, email, phone, dpoEmail } = value;
    if (![name, address, email, dpoEmail].every(isText) || !name) return undefined;
    return {
      name: name as string,
      address: address as string,
      email: email as string,
      phone: isText(phone) ? phone : '',
      dpoEmail: dpoEmail as string,
    };
  } catch {
    return undefined;
  }
}

/** `tel:` link target: digits and a leading `+` only. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
