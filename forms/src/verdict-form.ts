import type { FormDefinition, Localized } from './types.ts';

const text = (lb: string, fr: string, de: string, en: string): Localized => ({ lb, fr, de, en });

/**
 * The form of the shared verdict table (`./verdicts.ts`): every field type and rule once, a conditional field, a
 * repeated group with a condition inside its items. Modelled on a dog registration with a bulky waste pick-up, so
 * the labels read like a real procedure's.
 */
export const VERDICT_FORM: FormDefinition = {
  version: 1,
  fields: [
    {
      key: 'ownerName',
      type: 'text',
      label: text('Ären Numm', 'Votre nom', 'Ihr Name', 'Your name'),
      required: true,
      maxLength: 80,
      prefill: 'name',
    },
    {
      key: 'email',
      type: 'email',
      label: text('E-Mail-Adress', 'Adresse e-mail', 'E-Mail-Adresse', 'Email address'),
      required: true,
      prefill: 'email',
    },
    {
      key: 'phone',
      type: 'phone',
      label: text('Telefonsnummer', 'Numéro de téléphone', 'Telefonnummer', 'Phone number'),
    },
    { key: 'home', type: 'address', label: text('Adress', 'Adresse', 'Adresse', 'Address'), required: true },
    {
      key: 'nationalId',
      type: 'nationalId',
      label: text('Identifikatiounsnummer', 'Matricule', 'Identifikationsnummer', 'National identification number'),
      required: true,
    },
    {
      key: 'dogs',
      type: 'group',
      label: text('Hënn', 'Chiens', 'Hunde', 'Dogs'),
      repeatable: { min: 1, max: 3 },
      fields: [
        {
          key: 'name',
          type: 'text',
          label: text('Numm vum Hond', 'Nom du chien', 'Name des Hundes', 'Dog’s name'),
          required: true,
        },
        {
          key: 'chip',
          type: 'text',
          label: text('Chipnummer', 'Numéro de puce', 'Chipnummer', 'Chip number'),
          required: true,
          pattern: '\\d{15}',
          patternHint: text(
            '15 Zifferen, wéi um Impfpass.',
            '15 chiffres, comme sur le passeport de vaccination.',
            '15 Ziffern, wie im Impfpass.',
            '15 digits, as on the vaccination passport.',
          ),
        },
        {
          key: 'born',
          type: 'date',
          label: text('Gebuertsdatum', 'Date de naissance', 'Geburtsdatum', 'Date of birth'),
          required: true,
          max: 'today',
        },
        {
          key: 'breed',
          type: 'select',
          label: text('Rass', 'Race', 'Rasse', 'Breed'),
          options: [
            { value: 'labrador', label: text('Labrador', 'Labrador', 'Labrador', 'Labrador') },
            { value: 'other', label: text('Aner', 'Autre', 'Andere', 'Other') },
          ],
        },
        {
          key: 'breedOther',
          type: 'text',
          label: text('Wéi eng Rass?', 'Quelle race\u00a0?', 'Welche Rasse?', 'Which breed?'),
          required: true,
          visibleIf: { field: 'breed', equals: 'other' },
        },
      ],
    },
    {
      key: 'payment',
      type: 'select',
      label: text('Bezuelung', 'Paiement', 'Zahlung', 'Payment'),
      required: true,
      options: [
        { value: 'invoice', label: text('Rechnung', 'Facture', 'Rechnung', 'Invoice') },
        { value: 'direct-debit', label: text('Domiciliatioun', 'Domiciliation', 'Lastschrift', 'Direct debit') },
      ],
    },
    {
      key: 'iban',
      type: 'iban',
      label: text('IBAN', 'IBAN', 'IBAN', 'IBAN'),
      required: true,
      visibleIf: { field: 'payment', equals: 'direct-debit' },
    },
    {
      key: 'collection',
      type: 'date',
      label: text('Ofhuldatum', 'Date d’enlèvement', 'Abholdatum', 'Collection date'),
      min: 'today+3',
    },
    {
      key: 'items',
      type: 'multiSelect',
      label: text('Objeten', 'Objets', 'Gegenstände', 'Items'),
      maxItems: 2,
      options: [
        { value: 'sofa', label: text('Canapé', 'Canapé', 'Sofa', 'Sofa') },
        { value: 'fridge', label: text('Frigo', 'Réfrigérateur', 'Kühlschrank', 'Fridge') },
        { value: 'mattress', label: text('Matratz', 'Matelas', 'Matratze', 'Mattress') },
      ],
    },
    {
      key: 'weight',
      type: 'number',
      label: text('Gewiicht (kg)', 'Poids (kg)', 'Gewicht (kg)', 'Weight (kg)'),
      min: 1,
      max: 500,
      integer: true,
    },
    {
      key: 'proof',
      type: 'file',
      label: text('Impfpass', 'Passeport de vaccination', 'Impfpass', 'Vaccination passport'),
      required: true,
      attachment: 'vaccination',
    },
    {
      key: 'notes',
      type: 'longText',
      label: text('Bemierkungen', 'Remarques', 'Bemerkungen', 'Notes'),
      maxLength: 20,
    },
    {
      key: 'consent',
      type: 'checkbox',
      label: text(
        'Meng Ugabe si richteg',
        'Mes indications sont exactes',
        'Meine Angaben sind richtig',
        'My answers are correct',
      ),
      required: true,
    },
  ],
};

/** Answers to {@link VERDICT_FORM} that break no rule (on {@link VERDICT_TODAY}). */
export const VERDICT_VALID_ANSWERS = {
  ownerName: 'Marie Schmit',
  email: 'marie.schmit@example.lu',
  phone: '621 123 456',
  home: { street: 'Rue de la Libération', number: '12', postcode: 'L-3510', locality: 'Dudelange', country: 'LU' },
  nationalId: '1976 0612 123 86',
  dogs: [{ name: 'Rex', chip: '250268712345678', born: '2021-05-04', breed: 'labrador' }],
  payment: 'direct-debit',
  iban: 'LU28 0019 4006 4475 0000',
  collection: '2026-03-30',
  items: ['sofa', 'fridge'],
  weight: 80,
  proof: ['5b0b6f1e-2f57-4a8e-9a43-0c8e7c2f0d11'],
  notes: 'Gate code 1234',
  consent: true,
};

/** The day the table is judged on ("today" of date rules and national identification numbers). */
export const VERDICT_TODAY = '2026-03-27';
