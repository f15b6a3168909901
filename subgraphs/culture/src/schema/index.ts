import { builder } from '../builder.ts';
import './event.ts';
import './commune.ts';
import './user.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
