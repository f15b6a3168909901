import type { Localized } from './types.ts';
import { VERDICT_VALID_ANSWERS as valid } from './verdict-form.ts';
import type { Verdict } from './verdicts.ts';

const m = (lb: string, fr: string, de: string, en: string): Localized => ({ lb, fr, de, en });

/** Verdicts on the rules of each field type, on limits and on hidden answers. */
export const RULE_VERDICTS: readonly Verdict[] = [
  {
    name: 'each format rule names its field, also inside a repeated item',
    mode: 'submit',
    answers: {
      ...valid,
      email: 'marie@schmit',
      phone: '12',
      home: { street: 'Rue du Parc', postcode: '35100', locality: 'Dudelange' },
      nationalId: '1976 0612 123 87',
      dogs: [{ name: 'Rex', chip: '2502687123', born: '2026-04-01', breed: 'other' }],
      iban: 'LU28 0019 4006 4475 0001',
      collection: '2026-03-29',
      items: ['sofa', 'fridge', 'mattress'],
      weight: 80.5,
      notes: 'Please ring twice at the back door',
    },
    problems: [
      {
        path: 'email',
        rule: 'email',
        message: m(
          '„E-Mail-Adress“ muss eng E-Mail-Adress sinn, wéi z. B. numm@beispill.lu.',
          '« Adresse e-mail » doit être une adresse e-mail, par exemple nom@exemple.lu.',
          '„E-Mail-Adresse“ muss eine E-Mail-Adresse sein, z. B. name@beispiel.lu.',
          '“Email address” must be an email address, like name@example.lu.',
        ),
      },
      {
        path: 'phone',
        rule: 'phone',
        message: m(
          '„Telefonsnummer“ muss eng Telefonsnummer sinn, wéi z. B. 621 123 456 oder +33 1 23 45 67 89.',
          '« Numéro de téléphone » doit être un numéro de téléphone, par exemple 621 123 456 ou +33 1 23 45 67 89.',
          '„Telefonnummer“ muss eine Telefonnummer sein, z. B. 621 123 456 oder +33 1 23 45 67 89.',
          '“Phone number” must be a phone number, like 621 123 456 or +33 1 23 45 67 89.',
        ),
      },
      {
        path: 'home.postcode',
        rule: 'postcode',
        message: m(
          '„Adress“: eng Lëtzebuerger Postleitzuel huet 4 Zifferen, wéi z. B. 3590.',
          '« Adresse » : un code postal luxembourgeois compte 4 chiffres, par exemple 3590.',
          '„Adresse“: Eine luxemburgische Postleitzahl hat 4 Ziffern, z. B. 3590.',
          '“Address”: a Luxembourg postcode has 4 digits, like 3590.',
        ),
      },
      {
        path: 'nationalId',
        rule: 'nationalId',
        message: m(
          '„Identifikatiounsnummer“ ass keng gëlteg national Identifikatiounsnummer: 13 Zifferen, déi mam Gebuertsdatum ufänken (JJJJMMDD).',
          '« Matricule » n’est pas un numéro d’identification national valide : 13 chiffres commençant par la date de naissance (AAAAMMJJ).',
          '„Identifikationsnummer“ ist keine gültige nationale Identifikationsnummer: 13 Ziffern, beginnend mit dem Geburtsdatum (JJJJMMTT).',
          '“National identification number” is not a valid national identification number: 13 digits, starting with the date of birth (yyyymmdd).',
        ),
      },
      {
        path: 'dogs.0.chip',
        rule: 'pattern',
        message: m(
          '„Chipnummer (Hënn, Nr. 1)“ huet net dat erwaart Format. 15 Zifferen, wéi um Impfpass.',
          '« Numéro de puce (Chiens, n° 1) » n’a pas le format attendu. 15 chiffres, comme sur le passeport de vaccination.',
          '„Chipnummer (Hunde, Nr. 1)“ hat nicht das erwartete Format. 15 Ziffern, wie im Impfpass.',
          '“Chip number (Dogs, no. 1)” is not in the expected format. 15 digits, as on the vaccination passport.',
        ),
      },
      {
        path: 'dogs.0.born',
        rule: 'max',
        message: m(
          '„Gebuertsdatum (Hënn, Nr. 1)“ däerf net an der Zukunft leien.',
          '« Date de naissance (Chiens, n° 1) » ne peut pas être dans le futur.',
          '„Geburtsdatum (Hunde, Nr. 1)“ darf nicht in der Zukunft liegen.',
          '“Date of birth (Dogs, no. 1)” cannot be in the future.',
        ),
      },
      {
        path: 'dogs.0.breedOther',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Wéi eng Rass? (Hënn, Nr. 1)“ aus.',
          'Veuillez remplir « Quelle race ? (Chiens, n° 1) ».',
          'Bitte füllen Sie „Welche Rasse? (Hunde, Nr. 1)“ aus.',
          'Fill in “Which breed? (Dogs, no. 1)”.',
        ),
      },
      {
        path: 'iban',
        rule: 'iban',
        message: m(
          '„IBAN“ ass keen gëltegen IBAN. Vergläicht en w.e.g. mat Ärem Kontoauszuch.',
          '« IBAN » n’est pas un IBAN valide. Veuillez le comparer à votre relevé bancaire.',
          '„IBAN“ ist keine gültige IBAN. Bitte vergleichen Sie sie mit Ihrem Kontoauszug.',
          '“IBAN” is not a valid IBAN. Check it against your bank statement.',
        ),
      },
      {
        path: 'collection',
        rule: 'min',
        message: m(
          '„Ofhuldatum“ muss den 30. Mäerz 2026 oder duerno sinn.',
          '« Date d’enlèvement » doit être le 30 mars 2026 ou plus tard.',
          '„Abholdatum“ muss am 30. März 2026 oder später sein.',
          '“Collection date” must be on or after March 30, 2026.',
        ),
      },
      {
        path: 'items',
        rule: 'maxItems',
        message: m(
          'Wielt w.e.g. héchstens 2 Äntwerten fir „Objeten“.',
          'Veuillez choisir au plus 2 réponses pour « Objets ».',
          'Bitte wählen Sie höchstens 2 Antworten für „Gegenstände“.',
          'Choose at most 2 answers for “Items”.',
        ),
      },
      {
        path: 'weight',
        rule: 'integer',
        message: m(
          '„Gewiicht (kg)“ muss eng ganz Zuel sinn.',
          '« Poids (kg) » doit être un nombre entier.',
          '„Gewicht (kg)“ muss eine ganze Zahl sein.',
          '“Weight (kg)” must be a whole number.',
        ),
      },
      {
        path: 'notes',
        rule: 'maxLength',
        message: m(
          '„Bemierkungen“ däerf héchstens 20 Zeechen hunn.',
          '« Remarques » peut compter au plus 20 caractères.',
          '„Bemerkungen“ darf höchstens 20 Zeichen lang sein.',
          '“Notes” must be 20 characters or fewer.',
        ),
      },
    ],
  },
  {
    name: 'hidden answers are neither required nor checked',
    mode: 'submit',
    answers: {
      ...valid,
      payment: 'invoice',
      iban: 'not an IBAN',
      dogs: [{ name: 'Rex', chip: '250268712345678', born: '2021-05-04', breed: 'labrador', breedOther: 5 }],
    },
    problems: [],
  },
  {
    name: 'other accepted forms: a foreign address, an international phone number, no optional answers',
    mode: 'submit',
    answers: {
      ...valid,
      phone: '+33 1 23 45 67 89',
      home: { street: 'Rue Serpenoise', number: '5', postcode: '57000', locality: 'Metz', country: 'FR' },
      collection: undefined,
      items: [],
      weight: null,
      notes: '',
    },
    problems: [],
  },
  {
    name: 'limits: too many items, an unknown option, a number below its minimum',
    mode: 'submit',
    answers: {
      ...valid,
      dogs: [1, 2, 3, 4].map((n) => ({ name: `Dog ${n}`, chip: `25026871234567${n}`, born: '2021-05-04' })),
      payment: 'cash',
      items: ['piano'],
      weight: 0,
    },
    problems: [
      {
        path: 'dogs',
        rule: 'maxItems',
        message: m(
          '„Hënn“ kann héchstens 3 Entréeën hunn.',
          '« Chiens » accepte au plus 3 entrées.',
          '„Hunde“ erlaubt höchstens 3 Einträge.',
          '“Dogs” takes at most 3 entries.',
        ),
      },
      {
        path: 'payment',
        rule: 'option',
        message: m(
          '„Bezuelung“: wielt w.e.g. eng vun de proposéierten Äntwerten.',
          '« Paiement » : veuillez choisir l’une des réponses proposées.',
          '„Zahlung“: Bitte wählen Sie eine der angebotenen Antworten.',
          '“Payment”: choose one of the answers offered.',
        ),
      },
      {
        path: 'items',
        rule: 'option',
        message: m(
          '„Objeten“: wielt w.e.g. eng vun de proposéierten Äntwerten.',
          '« Objets » : veuillez choisir l’une des réponses proposées.',
          '„Gegenstände“: Bitte wählen Sie eine der angebotenen Antworten.',
          '“Items”: choose one of the answers offered.',
        ),
      },
      {
        path: 'weight',
        rule: 'min',
        message: m(
          '„Gewiicht (kg)“ muss 1 oder méi sinn.',
          '« Poids (kg) » doit être au moins 1.',
          '„Gewicht (kg)“ muss mindestens 1 sein.',
          '“Weight (kg)” must be 1 or more.',
        ),
      },
    ],
  },
  {
    name: 'an incomplete address names each missing part',
    mode: 'submit',
    answers: { ...valid, home: { street: ' ', postcode: '', locality: 'Esch-sur-Alzette', country: 'Luxembourg' } },
    problems: [
      {
        path: 'home.street',
        rule: 'required',
        message: m(
          'Gitt w.e.g. d’Strooss vun „Adress“ un.',
          'Veuillez indiquer la rue de « Adresse ».',
          'Bitte geben Sie die Straße von „Adresse“ an.',
          'Enter the street of “Address”.',
        ),
      },
      {
        path: 'home.postcode',
        rule: 'required',
        message: m(
          'Gitt w.e.g. d’Postleitzuel vun „Adress“ un.',
          'Veuillez indiquer le code postal de « Adresse ».',
          'Bitte geben Sie die Postleitzahl von „Adresse“ an.',
          'Enter the postcode of “Address”.',
        ),
      },
      {
        path: 'home.country',
        rule: 'country',
        message: m(
          '„Adress“: wielt w.e.g. e Land.',
          '« Adresse » : veuillez choisir un pays.',
          '„Adresse“: Bitte wählen Sie ein Land.',
          '“Address”: choose a country.',
        ),
      },
    ],
  },
];
