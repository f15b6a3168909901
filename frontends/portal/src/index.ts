export {
  COMMUNE_CARD_QUERY,
  type Commune,
  CommuneCard,
  type CommuneCardData,
  type CommuneCardErrorDetail,
  type CommuneCardOptions,
} from './commune-card.ts';
export { CommuneChooser } from './commune-chooser.ts';
export { communeCardMessages } from './messages.ts';
