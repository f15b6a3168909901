import { runtimeConfig } from './build/index.ts';

export default runtimeConfig(import.meta.dirname);
