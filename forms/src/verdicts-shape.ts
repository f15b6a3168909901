import type { Localized } from './types.ts';
import { VERDICT_VALID_ANSWERS as valid } from './verdict-form.ts';
import type { Verdict } from './verdicts.ts';

const m = (lb: string, fr: string, de: string, en: string): Localized => ({ lb, fr, de, en });

/** Verdicts on what is missing and on the shape of answers (drafts). */
export const SHAPE_VERDICTS: readonly Verdict[] = [
  {
    name: 'a complete, correct application is accepted',
    mode: 'submit',
    answers: valid,
    problems: [],
  },
  {
    name: 'an empty draft saves',
    mode: 'draft',
    answers: {},
    problems: [],
  },
  {
    name: 'an empty submission names every required answer, in form order',
    mode: 'submit',
    answers: {},
    problems: [
      {
        path: 'ownerName',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Ären Numm“ aus.',
          'Veuillez remplir « Votre nom ».',
          'Bitte füllen Sie „Ihr Name“ aus.',
          'Fill in “Your name”.',
        ),
      },
      {
        path: 'email',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „E-Mail-Adress“ aus.',
          'Veuillez remplir « Adresse e-mail ».',
          'Bitte füllen Sie „E-Mail-Adresse“ aus.',
          'Fill in “Email address”.',
        ),
      },
      {
        path: 'home',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Adress“ aus.',
          'Veuillez remplir « Adresse ».',
          'Bitte füllen Sie „Adresse“ aus.',
          'Fill in “Address”.',
        ),
      },
      {
        path: 'nationalId',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Identifikatiounsnummer“ aus.',
          'Veuillez remplir « Matricule ».',
          'Bitte füllen Sie „Identifikationsnummer“ aus.',
          'Fill in “National identification number”.',
        ),
      },
      {
        path: 'dogs',
        rule: 'minItems',
        message: m(
          'Setzt w.e.g. mindestens 1 Entrée bei „Hënn“ derbäi.',
          'Veuillez ajouter au moins 1 entrée à « Chiens ».',
          'Bitte fügen Sie bei „Hunde“ mindestens 1 Eintrag hinzu.',
          'Add at least 1 entry to “Dogs”.',
        ),
      },
      {
        path: 'payment',
        rule: 'required',
        message: m(
          'Wielt w.e.g. eng Äntwert fir „Bezuelung“.',
          'Veuillez choisir une réponse pour « Paiement ».',
          'Bitte wählen Sie eine Antwort für „Zahlung“.',
          'Choose an answer for “Payment”.',
        ),
      },
      {
        path: 'proof',
        rule: 'required',
        message: m(
          'Luet w.e.g. d’Dokument „Impfpass“ erop.',
          'Veuillez joindre le document « Passeport de vaccination ».',
          'Bitte laden Sie das Dokument „Impfpass“ hoch.',
          'Upload the document “Vaccination passport”.',
        ),
      },
      {
        path: 'consent',
        rule: 'required',
        message: m(
          'Kräizt w.e.g. „Meng Ugabe si richteg“ un, fir weiderzemaachen.',
          'Veuillez cocher « Mes indications sont exactes » pour continuer.',
          'Bitte kreuzen Sie „Meine Angaben sind richtig“ an, um fortzufahren.',
          'Tick “My answers are correct” to continue.',
        ),
      },
    ],
  },
  {
    name: 'a half-filled draft saves, but answers of the wrong type do not',
    mode: 'draft',
    answers: {
      ownerName: 'M',
      email: 'not-yet-an-email',
      dogs: [{ chip: '12', born: '2026-02-30' }],
      weight: 'eighty',
      consent: 'yes',
    },
    problems: [
      {
        path: 'dogs.0.born',
        rule: 'type',
        message: m(
          '„Gebuertsdatum (Hënn, Nr. 1)“ muss en Datum sinn, deen et gëtt.',
          '« Date de naissance (Chiens, n° 1) » doit être une date qui existe.',
          '„Geburtsdatum (Hunde, Nr. 1)“ muss ein Datum sein, das es gibt.',
          '“Date of birth (Dogs, no. 1)” must be a real date.',
        ),
      },
      {
        path: 'weight',
        rule: 'type',
        message: m(
          '„Gewiicht (kg)“ muss eng Zuel sinn.',
          '« Poids (kg) » doit être un nombre.',
          '„Gewicht (kg)“ muss eine Zahl sein.',
          '“Weight (kg)” must be a number.',
        ),
      },
      {
        path: 'consent',
        rule: 'type',
        message: m(
          'D’Äntwert op „Meng Ugabe si richteg“ huet net déi erwaart Form.',
          'La réponse à « Mes indications sont exactes » n’a pas la forme attendue.',
          'Die Antwort auf „Meine Angaben sind richtig“ hat nicht die erwartete Form.',
          'The answer to “My answers are correct” is not of the expected kind.',
        ),
      },
    ],
  },
];
