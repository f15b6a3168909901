export { ProcedureCatalogue } from './catalogue/catalogue.ts';
export { MyApplications } from './mine/my-applications.ts';
