import { builder } from '../builder.ts';
import './category.ts';
import './procedure.ts';
import './catalogue-admin.ts';
import './commune.ts';
import './application.ts';
import './application-citizen.ts';
import './attachment.ts';
import './office.ts';
import './application-agent.ts';
import './user.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
