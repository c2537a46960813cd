/**
 * The made-up incident of the synthetic corpus: a chlorine leak at a chemical plant in the
 * fictional town of Port Calder, in 2024. Every name and address here is invented; addresses use
 * the reserved `.example` domain.
 *
 * Templates: `{co}` and the other actor keys pick one of the actor's names (`{Co}` capitalised),
 * `{date}` / `{Date}` the date phrase of the sentence, `{n:12-16}` a number (`{k:…}` with thousands separators, `{w:…}` in words), `{a|b}` one of the
 * alternatives, `((words))` words an outlet may leave out.
 */

export const TOWN = 'Port Calder';
export const YEAR = 2024;

/** The names each actor goes by in running text; the first is its full name. */
export const NAMES = {
  co: ['Halvorsen Chemicals', 'Halvorsen', 'the company', 'the chemical maker', 'the plant operator'],
  agency: ['the Calder Environmental Protection Agency', 'the environmental agency', 'CEPA', 'the regulator'],
  mayor: ['Mayor Irene Vasquez', 'Irene Vasquez', 'the mayor'],
  fire: ['the Port Calder fire service', 'the fire service', 'Fire Chief Tomas Reyner', 'emergency services'],
  residents: ['the Calder Bay Residents Association', 'the residents’ association', 'a group of residents'],
  news: ['the Coastal Press Agency', 'CPA', 'the news agency CPA'],
  radio: ['Radio Calder', 'local broadcaster Radio Calder'],
} as const satisfies Record<string, readonly string[]>;

export type NameKey = keyof typeof NAMES;

export const INCIDENT = {
  title: 'Chlorine leak at the Halvorsen Chemicals plant in Port Calder',
  summary:
    'In May 2024 chlorine gas escaped from a storage tank at the Halvorsen Chemicals plant in the town of Port Calder. About 3,000 residents were evacuated for a week; the Calder Environmental Protection Agency opened an investigation and later fined the company, which reopened the plant in August. (Synthetic corpus for benchmarks: every name is invented.)',
  topics: [
    { id: 'chemical', question: 'What escaped from the plant?', cues: ['chlorine', 'chlorine gas', 'toxic gas', 'gas cloud', 'hydrogen chloride', 'fumes'] },
    { id: 'injuries', question: 'Was anyone hurt?', cues: ['injured', 'injuries', 'hospital', 'treated', 'breathing difficulties', 'breathing problems', 'health'] },
    { id: 'cause', question: 'What caused the leak?', cues: ['valve', 'corroded', 'corrosion', 'faulty', 'seal', 'maintenance', 'caused the leak'] },
    { id: 'warnings', question: 'Had inspectors warned about the plant before?', cues: ['inspection', 'inspectors', 'warned', 'warning', 'flagged', 'safety record'] },
    { id: 'evacuation', question: 'How many people were evacuated?', cues: ['evacuated', 'evacuation', 'shelter', 'shelters', 'left their homes'] },
    { id: 'compensation', question: 'Will residents be compensated?', cues: ['compensation', 'compensate', 'cover the cost', 'damages', 'lawsuit', 'class action'] },
    { id: 'regulator', question: 'Is a regulator investigating?', cues: ['investigation', 'investigating', 'inquiry', 'probe', 'fine', 'fined', 'regulator'] },
    { id: 'reopening', question: 'Has the plant reopened?', cues: ['reopen', 'reopened', 'restarted', 'production resumed', 'stay closed', 'shut down'] },
  ],
  actors: [
    { id: 'halvorsen', name: 'Halvorsen Chemicals', aliases: ['Halvorsen', 'Halvorsen Chemicals Ltd', 'the company', 'the chemical maker', 'the plant operator', 'Ingrid Solberg', 'Lars Eide'] },
    { id: 'cepa', name: 'Calder Environmental Protection Agency', aliases: ['CEPA', 'the environmental agency', 'the regulator', 'Paul Okafor'] },
    { id: 'mayor', name: 'Mayor Irene Vasquez', aliases: ['Irene Vasquez', 'Vasquez', 'the mayor'] },
    { id: 'fire-service', name: 'Port Calder fire service', aliases: ['the fire service', 'Tomas Reyner', 'Fire Chief Tomas Reyner', 'firefighters'] },
    { id: 'residents', name: 'Calder Bay Residents Association', aliases: ['the residents’ association', 'Dana Whitlock'] },
    { id: 'cpa', name: 'Coastal Press Agency', aliases: ['CPA', 'the news agency CPA'] },
    { id: 'radio-calder', name: 'Radio Calder', aliases: ['local broadcaster Radio Calder'] },
  ],
};

/** Something that happened, with the ways outlets report it. */
export interface Happening {
  id: string;
  /** ISO day; for a month-precision happening, a day inside the month it is reported by. */
  day: string;
  /** Hour of the day it happened, so that a report earlier that day does not know of it. */
  hour: number;
  precision: 'day' | 'month';
  /** False for background that no article leads with. */
  news: boolean;
  headlines: string[];
  /** Sentences that report it, each with a `{date}` or `{Date}`. */
  reports: string[];
  /** Sentences that add detail without a date. */
  details: string[];
}

export const HAPPENINGS: Happening[] = [
  {
    id: 'inspection',
    day: '2022-03-15',
    hour: 12,
    precision: 'month',
    news: false,
    headlines: [],
    reports: [
      'An inspection {date} had found corrosion on valves at the plant.',
      'Inspectors flagged corroded valves at the site {date}, according to records seen by {news}.',
      '{Date}, inspectors from {agency} warned {co} about worn seals on two chlorine tanks.',
    ],
    details: ['The inspection report asked the company to replace the valves within twelve months.'],
  },
  {
    id: 'leak',
    day: '2024-05-06',
    hour: 23,
    precision: 'day',
    news: true,
    headlines: ['Chlorine leak at {town} chemical plant', 'Toxic gas cloud over {town} after plant leak', 'Gas leak at Halvorsen plant triggers emergency in {town}'],
    reports: [
      'A chlorine leak at the Halvorsen plant in {town} sent a cloud of toxic gas over the east bank of the river {date}.',
      '{Date}, chlorine gas escaped from a storage tank at the Halvorsen Chemicals site in {town}.',
      'The leak began {date} when a valve on a chlorine tank failed, {fire} said.',
      'Residents reported a strong smell of bleach {date} as a yellowish cloud drifted across the river.',
      'Toxic gas leaked from the {co} site {date}, prompting an emergency alert on every phone in town.',
    ],
    details: [
      'The gas escaped from a tank holding about {n:18-22} tonnes of liquid chlorine.',
      'Emergency crews sealed the leak after about {n:3-5} hours.',
      'Sirens sounded across the east bank shortly before midnight.',
    ],
  },
  {
    id: 'evacuation',
    day: '2024-05-07',
    hour: 2,
    precision: 'day',
    news: true,
    headlines: ['Thousands evacuated after chlorine leak in {town}', '{town} evacuates east bank as gas cloud spreads', 'Families flee homes near Halvorsen plant'],
    reports: [
      '{Fire} ordered the evacuation of about {k:2800-3200} residents {date}.',
      '{Date}, police went door to door telling families to leave the streets closest to the plant.',
      'About three thousand people were evacuated {date} as the gas cloud spread.',
      '{Mayor} ordered the evacuation of the east bank {date} and opened the sports hall as a shelter.',
    ],
    details: ['Buses took elderly residents to a shelter in the sports hall.', 'Schools on the east bank were closed for the rest of the week.'],
  },
  {
    id: 'statement',
    day: '2024-05-08',
    hour: 11,
    precision: 'day',
    news: true,
    headlines: ['Halvorsen Chemicals {apologises|apologizes} for {town} gas leak', 'Chemical maker says sorry after chlorine leak', 'Halvorsen shuts plant and promises to pay for evacuation'],
    reports: [
      '{Co} {apologised|apologized} for the leak {date} and said the plant had been shut down.',
      '{Date}, {co} said in a statement that it would cover the cost of the evacuation.',
      '{Co} confirmed {date} that a faulty valve had caused the leak.',
      'The company issued an apology {date} and shut down the chlorine unit.',
    ],
    details: ['The statement was signed by chief executive Ingrid Solberg.'],
  },
  {
    id: 'investigation',
    day: '2024-05-10',
    hour: 10,
    precision: 'day',
    news: true,
    headlines: ['Regulator opens investigation into {town} chlorine leak', 'CEPA launches inquiry into Halvorsen leak', 'Environmental agency to investigate chemical plant'],
    reports: [
      '{Agency} opened an investigation into the leak {date}.',
      '{Date}, {agency} launched a formal inquiry into safety practices at the plant.',
      'Inspectors from {agency} began a probe into the incident {date}.',
    ],
    details: ['The agency has the power to fine the company or close the plant.'],
  },
  {
    id: 'return',
    day: '2024-05-13',
    hour: 9,
    precision: 'day',
    news: true,
    headlines: ['Residents return home after {town} leak', 'Evacuation order lifted in {town}', '{town} families go home a week after gas leak'],
    reports: [
      'Residents were allowed to return to their homes {date} after air tests came back clear.',
      '{Date}, {mayor} lifted the evacuation order.',
      'The evacuation order was lifted {date}, a week after the leak.',
    ],
    details: ['Air quality sensors will stay on the east bank until the end of the year.'],
  },
  {
    id: 'lawsuit',
    day: '2024-05-28',
    hour: 14,
    precision: 'day',
    news: true,
    headlines: ['Residents sue Halvorsen over chlorine leak', 'Class action filed against {town} chemical plant', 'Hundreds of households take Halvorsen to court'],
    reports: [
      '{Residents} filed a lawsuit against {co} {date}, seeking damages for the evacuation.',
      '{Date}, more than {n:200-400} households sued {co} over the leak.',
      'A class action was filed against the chemical maker {date}.',
    ],
    details: ['The claim seeks compensation for lost wages, hotel bills and spoiled food.'],
  },
  {
    id: 'suspension',
    day: '2024-06-04',
    hour: 16,
    precision: 'day',
    news: true,
    headlines: ['Halvorsen suspends plant manager after leak', 'Managers suspended at {town} chemical plant'],
    reports: [
      '{Co} suspended the plant’s manager {date} pending the outcome of the investigation.',
      '{Date}, the company said it had suspended two senior managers at the site.',
    ],
    details: ['The company did not name the managers.'],
  },
  {
    id: 'repairs',
    day: '2024-06-27',
    hour: 12,
    precision: 'month',
    news: true,
    headlines: ['Repairs finished at Halvorsen plant', 'Halvorsen says damaged chlorine tank is fixed'],
    reports: [
      '{Co} said repairs to the damaged tank were completed {date}.',
      'Engineers finished replacing the faulty valve assembly {date}, according to {co}.',
    ],
    details: ['An outside firm tested the new valves before the agency’s inspectors saw them.'],
  },
  {
    id: 'fine',
    day: '2024-07-16',
    hour: 10,
    precision: 'day',
    news: true,
    headlines: ['Halvorsen fined €2.4 million over chlorine leak', 'Regulator fines chemical maker for {town} leak', 'Record fine for Halvorsen Chemicals'],
    reports: [
      '{Agency} fined {co} €2.4 million {date} for breaching safety rules.',
      '{Date}, the regulator imposed a fine of 2.4 million euros on the company.',
      '{Co} was fined €2.4m {date} after {agency} found that maintenance had been neglected.',
    ],
    details: ['It is the largest fine the agency has ever imposed.'],
  },
  {
    id: 'reopening',
    day: '2024-08-05',
    hour: 8,
    precision: 'day',
    news: true,
    headlines: ['Halvorsen plant reopens three months after leak', 'Production resumes at {town} chemical plant'],
    reports: [
      'The Halvorsen plant reopened {date} after {agency} approved the repairs.',
      '{Date}, production resumed at the site for the first time since the leak.',
      '{Co} restarted the plant {date}, three months after the leak.',
    ],
    details: ['About {n:40-60} residents protested outside the gates.'],
  },
];

/** A quotation that several outlets reprint, each a little differently. */
export interface Quotation {
  id: string;
  /** Full name, then the short name used after it. */
  speaker: [string, string];
  role: string;
  /** The day it was first said; no article before it prints it. */
  day: string;
  text: string;
}

export const QUOTATIONS: Quotation[] = [
  { id: 'apology', speaker: ['Ingrid Solberg', 'Solberg'], role: 'the chief executive of Halvorsen Chemicals', day: '2024-05-08', text: 'We ((deeply)) regret the distress this leak has caused to the people of {town}, and we {will|are going to} cover {every|the full} cost of the evacuation.' },
  { id: 'mayor', speaker: ['Irene Vasquez', 'Vasquez'], role: 'the mayor of {town}', day: '2024-05-07', text: 'No one should have to leave their home in the middle of the night because a company cut corners.' },
  { id: 'fire', speaker: ['Tomas Reyner', 'Reyner'], role: 'the town’s fire chief', day: '2024-05-07', text: 'The cloud drifted east, away from the schools, which is the only reason this was not ((far)) worse.' },
  { id: 'agency', speaker: ['Paul Okafor', 'Okafor'], role: 'the director of the Calder Environmental Protection Agency', day: '2024-05-10', text: 'Our inspectors will establish how a valve that was flagged {two years ago|in 2022} was still in service((, and who knew about it)).' },
  { id: 'return', speaker: ['Irene Vasquez', 'Vasquez'], role: 'the mayor of {town}', day: '2024-05-13', text: 'The air is safe, the water is safe, and people can go home.' },
  { id: 'lawyer', speaker: ['Dana Whitlock', 'Whitlock'], role: 'a lawyer for the residents’ association', day: '2024-05-28', text: 'Our clients want answers, and they want Halvorsen to pay for the harm it has done(( to this town)).' },
  { id: 'repairs', speaker: ['Lars Eide', 'Eide'], role: 'a spokesman for Halvorsen', day: '2024-06-27', text: 'The faulty valve assembly has been replaced and ((independently)) tested(( by an outside firm)).' },
  { id: 'fine', speaker: ['Paul Okafor', 'Okafor'], role: 'the director of the Calder Environmental Protection Agency', day: '2024-07-16', text: 'This fine reflects {years|a long period} of neglected maintenance, not one unlucky night.' },
  { id: 'reopening', speaker: ['Ingrid Solberg', 'Solberg'], role: 'the chief executive of Halvorsen Chemicals', day: '2024-08-05', text: 'We have rebuilt the chlorine unit to a higher standard than the law requires.' },
];

/** What outlets say on a topic; `after` names the happening before which nobody could say it. */
export interface ClaimTemplate {
  topic: string;
  after?: string;
  text: string;
}

export const CLAIMS: ClaimTemplate[] = [
  { topic: 'chemical', after: 'leak', text: 'The gas was chlorine, which the plant uses to make water treatment products.' },
  { topic: 'chemical', after: 'statement', text: '{Co} said the cloud contained chlorine and a small amount of hydrogen chloride.' },
  { topic: 'chemical', after: 'leak', text: 'It is still unclear how much chlorine gas escaped.' },
  { topic: 'injuries', after: 'evacuation', text: 'At least {n:12-16} people were treated in hospital for breathing difficulties.' },
  { topic: 'injuries', after: 'evacuation', text: '{Fire} said {n:12-16} people had been taken to hospital with breathing problems.' },
  { topic: 'injuries', after: 'evacuation', text: 'Nobody was seriously injured, according to {fire}.' },
  { topic: 'injuries', after: 'evacuation', text: 'No deaths or serious injuries were reported.' },
  { topic: 'injuries', after: 'evacuation', text: 'It is not yet clear whether anyone suffered lasting harm to their health.' },
  { topic: 'cause', after: 'leak', text: 'Investigators believe a corroded valve on one of the storage tanks gave way.' },
  { topic: 'cause', after: 'statement', text: '{Co} blamed a faulty seal on a valve that had passed its last maintenance check.' },
  { topic: 'cause', after: 'statement', text: '{Co} has denied that poor maintenance caused the leak.' },
  { topic: 'cause', after: 'leak', text: 'The cause of the leak has not been confirmed.' },
  { topic: 'warnings', after: 'investigation', text: '{Co} said it had acted on every warning from inspectors.' },
  { topic: 'warnings', after: 'investigation', text: 'Records show that inspectors had flagged corrosion on the same valve.' },
  { topic: 'warnings', after: 'investigation', text: 'It is not known whether the company was warned about the valve before the leak.' },
  { topic: 'evacuation', after: 'evacuation', text: 'About {k:2800-3200} residents were evacuated from homes near the plant.' },
  { topic: 'evacuation', after: 'evacuation', text: 'The evacuation covered {n:11-14} streets on the east bank of the river.' },
  { topic: 'evacuation', after: 'evacuation', text: 'Around {n:400-600} people spent the night in emergency shelters.' },
  { topic: 'compensation', after: 'statement', text: '{Co} has promised to compensate every household that was evacuated.' },
  { topic: 'compensation', after: 'statement', text: 'Residents say the compensation offered so far does not cover lost wages.' },
  { topic: 'compensation', after: 'statement', text: 'The company has not said whether it will pay damages.' },
  { topic: 'regulator', after: 'investigation', text: '{Agency} is investigating whether safety rules were broken.' },
  { topic: 'regulator', after: 'investigation', text: '{Agency} could fine the company up to €5 million.' },
  { topic: 'regulator', after: 'investigation', text: '{Agency} has not said when its investigation will end.' },
  { topic: 'reopening', after: 'statement', text: 'The plant will stay closed until {agency} approves the repairs.' },
  { topic: 'reopening', after: 'reopening', text: 'Production has resumed at the site, {co} said.' },
  { topic: 'reopening', after: 'statement', text: 'It is unclear when the plant might reopen.' },
];

/** Background and colour: sentences that report nothing new. */
export const FILLER: string[] = [
  '{town} is a port town of about {n:38-44},000 people at the mouth of the Calder River.',
  'The Halvorsen plant, which opened in {n:1984-1989}, employs about {n:380-420} people.',
  'Chlorine is widely used to treat drinking water and to make plastics such as PVC.',
  'Exposure to chlorine gas can irritate the eyes, nose and throat, and high concentrations can damage the lungs.',
  'The plant sits less than a kilometre from the nearest homes and two primary schools.',
  'Halvorsen is one of the largest private employers in the region.',
  'The east bank of the river has been home to heavy industry since the 1950s.',
  'Wind speeds were low on the night of the leak, which kept the cloud close to the ground.',
  'Shops on Harbour Street put up signs thanking the firefighters.',
  'The town council will discuss the leak at its next meeting.',
  'Fishing boats stayed in the harbour while the cloud hung over the water.',
  'Local hotels offered rooms at reduced prices to evacuated families.',
  'Environmental groups have long campaigned for stricter rules on chemical storage near homes.',
  'The company’s shares fell by {n:4-9} per cent on the Oslo exchange.',
  'Trains between {town} and the coast were halted for several hours.',
  'A hotline for worried residents received more than {k:900-1400} calls.',
  '{first} {last}, who runs a bakery near the plant, said business had fallen by {n:20-60} per cent.',
  '{first} {last}, a nurse at the town’s hospital, said the emergency department had been “busy but calm”.',
  'Teachers at the east bank schools said pupils had asked many questions about the leak.',
  'The sports hall where evacuees slept has since reopened for training.',
];

export const VOICES: string[] = [
  'I woke up because my eyes were burning',
  'We grabbed the kids and the dog and just drove',
  'Nobody told us anything for hours',
  'I have lived here for thirty years and never worried about that plant until now',
  'The smell was like a swimming pool, only a hundred times stronger',
  'My neighbour is still coughing',
  'We want to know who is going to pay for this',
  'The firefighters were brilliant, they knocked on every door',
  'I do not trust anything the company says any more',
  'My garden is covered in a white dust and I do not know if it is safe',
];

export const FIRST_NAMES = 'Anna Bjorn Carla David Elin Farid Greta Hassan Ida Jonas Karin Leo Maja Nils Olga Pavel Rosa Sami Tove Viktor Amir Beatrix Conor Dagny Emil Frida Gustav Hanna Ivan Jana Kasper Lina Mikael Nora Oskar Petra Rune Sofia Tariq Ulla'.split(' ');
export const LAST_NAMES = 'Andersen Berg Costa Dahl Eriksen Falk Gomez Holm Iversen Jensen Karlsen Lund Moreno Nilsen Olsen Petersen Quist Roth Sand Tran Ueda Vik Wold Yilmaz Aas Brekke Coleman Dunn Engel Fischer Garcia Haugen Ibsen Juhl Kowalski Larsen Moen Novak Ortiz Park'.split(' ');

export const HEADINGS = ['What happened', 'What we know so far', 'Background', 'What happens next', 'Reaction', 'The investigation', 'A town on edge'];

export const ADVICE = [
  'Keep windows closed if you notice a smell of chlorine.',
  'Call 112 if you have trouble breathing.',
  'Do not drink water from garden wells until the agency publishes its tests.',
  'Compensation claims can be filed at the town hall.',
  'Updates are posted on the [town’s website](https://portcalder.example/leak).',
  'Pets that were left behind can be collected from the animal shelter on Mill Road.',
];
