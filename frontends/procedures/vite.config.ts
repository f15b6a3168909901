import { widgetPackageConfig } from '@gemeng/frontend-kit/build';

export default widgetPackageConfig(import.meta.dirname);
