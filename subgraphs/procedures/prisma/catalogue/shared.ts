/**
 * Building blocks of the seeded catalogue: texts in the four languages and the fields many forms share. Texts
 * follow the communes' own pages (guichet.lu and the communes' "Biergeramt"/"Bureau de la population").
 */
import type { Field, FormDefinition, Localized } from '@gemeng/forms';
import type { TemplateInput } from '../../src/catalogue/validation.ts';

/** A text in Luxembourgish, French, German and English (in that order, as on the communes' pages). */
export const L = (lb: string, fr: string, de: string, en: string): Localized => ({ lb, fr, de, en });

/** A seeded template: what `procedureTemplateUpsert` takes, with a typed form. */
export type SeedProcedure = Omit<TemplateInput, 'form'> & { form: FormDefinition };

export const form = (...fields: Field[]): FormDefinition => ({ version: 1, fields });

export const option = (value: string, label: Localized) => ({ value, label });

export const applicantName: Field = {
  key: 'name',
  type: 'text',
  required: true,
  maxLength: 120,
  prefill: 'name',
  label: L('Virnumm an Numm', 'Prénom et nom', 'Vor- und Nachname', 'First name and surname'),
};

export const email: Field = {
  key: 'email',
  type: 'email',
  required: true,
  prefill: 'email',
  label: L('E-Mail-Adress', 'Adresse e-mail', 'E-Mail-Adresse', 'Email address'),
  hint: L(
    'Mir schécken Iech d’Bestätegung an d’Äntwert op dës Adress.',
    'Nous vous envoyons l’accusé de réception et la réponse à cette adresse.',
    'Wir senden Ihnen die Eingangsbestätigung und die Antwort an diese Adresse.',
    'We send the acknowledgement and the answer to this address.',
  ),
};

export const phone = (required: boolean): Field => ({
  key: 'phone',
  type: 'phone',
  required,
  prefill: 'phone',
  label: L('Telefonsnummer', 'Numéro de téléphone', 'Telefonnummer', 'Phone number'),
  hint: L(
    'Fir de Fall, wou mir eng Fro hunn.',
    'Au cas où nous aurions une question.',
    'Falls wir eine Rückfrage haben.',
    'In case we have a question.',
  ),
});

export const address = (key: string, label: Localized, prefill = true): Field => ({
  key,
  type: 'address',
  required: true,
  ...(prefill ? { prefill: 'address' as const } : {}),
  label,
});

export const nationalId: Field = {
  key: 'nationalId',
  type: 'nationalId',
  required: false,
  label: L(
    'Nationale Identifikatiounsnummer (Matricule)',
    'Numéro d’identification national (matricule)',
    'Nationale Identifikationsnummer (Matrikel)',
    'National identification number (matricule)',
  ),
  hint: L(
    '13 Zifferen, steet op Ärer Sozialversécherungskaart.',
    '13 chiffres, figure sur votre carte de sécurité sociale.',
    '13 Ziffern, steht auf Ihrer Sozialversicherungskarte.',
    '13 digits, shown on your social security card.',
  ),
};

/** How a certificate reaches the applicant: a signed PDF, by post, or at the counter. */
export const delivery: Field = {
  key: 'delivery',
  type: 'select',
  required: true,
  label: L(
    'Wéi wëllt Dir et kréien?',
    'Comment souhaitez-vous le recevoir ?',
    'Wie möchten Sie es erhalten?',
    'How would you like to receive it?',
  ),
  options: [
    option(
      'pdf',
      L(
        'Als ënnerschriwwene PDF per E-Mail',
        'En PDF signé par e-mail',
        'Als signiertes PDF per E-Mail',
        'As a signed PDF by email',
      ),
    ),
    option(
      'post',
      L('Per Post un meng Adress', 'Par la poste à mon adresse', 'Per Post an meine Adresse', 'By post to my address'),
    ),
    option(
      'counter',
      L('Um Guichet ofhuelen', 'À retirer au guichet', 'Am Schalter abholen', 'Collect at the counter'),
    ),
  ],
};

/** What a certificate is for (some administrations ask for a specific wording). */
export const purpose: Field = {
  key: 'purpose',
  type: 'select',
  required: true,
  label: L('Fir wat braucht Dir et?', 'Pour quel usage ?', 'Wofür benötigen Sie es?', 'What do you need it for?'),
  options: [
    option(
      'administration',
      L('Fir eng Administratioun', 'Pour une administration', 'Für eine Behörde', 'For a public administration'),
    ),
    option('employer', L('Fir mäi Patron', 'Pour mon employeur', 'Für meinen Arbeitgeber', 'For my employer')),
    option(
      'bank',
      L(
        'Fir eng Bank oder eng Versécherung',
        'Pour une banque ou une assurance',
        'Für eine Bank oder Versicherung',
        'For a bank or an insurer',
      ),
    ),
    option('abroad', L('Fir en anert Land', 'Pour l’étranger', 'Für das Ausland', 'For use abroad')),
    option(
      'other',
      L('Aus engem anere Grond', 'Pour un autre usage', 'Für einen anderen Zweck', 'For another purpose'),
    ),
  ],
};

export const purposeOther: Field = {
  key: 'purposeOther',
  type: 'text',
  required: true,
  maxLength: 200,
  visibleIf: { field: 'purpose', equals: 'other' },
  label: L('Wéi eng aner Ursaach?', 'Quel autre usage ?', 'Welcher andere Zweck?', 'Which other purpose?'),
};

export const copies: Field = {
  key: 'copies',
  type: 'number',
  required: true,
  integer: true,
  min: 1,
  max: 5,
  label: L('Zuel vun den Exemplairen', 'Nombre d’exemplaires', 'Anzahl der Exemplare', 'Number of copies'),
};

/** The attachment every procedure that needs proof of identity asks for. */
export const identityDocument = {
  key: 'identity-document',
  required: true,
  label: L(
    'Kopie vun Ärer Identitéitskaart oder Ärem Pass',
    'Copie de votre carte d’identité ou de votre passeport',
    'Kopie Ihres Personalausweises oder Reisepasses',
    'Copy of your identity card or passport',
  ),
};
