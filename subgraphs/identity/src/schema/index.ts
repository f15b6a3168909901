import { builder } from '../builder.ts';
import './commune.ts';
import './commune-admin.ts';
import './user.ts';
import './errors.ts';
import './profile.ts';
import './administration.ts';
import './api-clients.ts';
import './factors.ts';
import './code-card.ts';
import './security.ts';
import './gdpr.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
