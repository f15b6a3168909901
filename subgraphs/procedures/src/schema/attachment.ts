/**
 * `Attachment` and the fields it adds to `Application` (`attachments`, `receiptUrl`). The bytes never travel
 * through GraphQL: `url` is the router's download path (`GET /files/attachments/<id>` with the access token, see
 * attachments/routes.ts), relative to the graph's origin; uploads go to `POST /files/applications/<id>/attachments`.
 */

import { attachmentUrl, receiptUrl } from '../attachments/service.ts';
import type { AttachmentSummary } from '../attachments/upload.ts';
import { builder } from '../builder.ts';
import { Application } from './application.ts';

export const Attachment = builder.objectRef<AttachmentSummary>('Attachment').implement({
  description: 'A document the applicant added to an application: its type is checked from its bytes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind', {
      description: "The procedure's attachment key it answers (e.g. identity-document).",
    }),
    fileName: t.exposeString('fileName'),
    mediaType: t.exposeString('mediaType', {
      description: 'application/pdf, image/jpeg or image/png, from the bytes.',
    }),
    size: t.exposeInt('size', { description: 'In bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the bytes, hexadecimal.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    url: t.string({
      description: "The download path on the router (relative to the graph's origin); send the access token.",
      resolve: (attachment) => attachmentUrl(attachment.id),
    }),
  }),
});

builder.objectFields(Application, (t) => ({
  attachments: t.field({
    type: [Attachment],
    description: 'The documents added, oldest first.',
    resolve: (application, _args, ctx) => ctx.services.attachments.ofApplication(application.id),
  }),
  receiptUrl: t.string({
    nullable: true,
    description: "The receipt PDF's download path on the router, once the application is submitted.",
    resolve: (application) => (application.reference ? receiptUrl(application.id) : null),
  }),
}));
