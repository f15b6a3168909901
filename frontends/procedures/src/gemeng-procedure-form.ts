import { ProcedureForm } from './form/procedure-form.ts';

if (!customElements.get('gemeng-procedure-form')) {
  customElements.define('gemeng-procedure-form', ProcedureForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-procedure-form': ProcedureForm;
  }
}

export { ProcedureForm };
