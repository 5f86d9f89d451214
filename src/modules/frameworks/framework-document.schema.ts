import { z } from 'zod';

/**
 * The shape of a framework file (YAML or JSON), checked with zod. Every message here is written
 * for the person who edited the file: the importer shows them verbatim after the field's path,
 * as in `headings[2].elements[0].name: Enter a name for this element`.
 */

export const frameworkFormat = 'tandem-framework/1';

export const frameworkLimits = {
  keyMin: 2,
  keyMax: 60,
  name: 200,
  label: 60,
  meaning: 200,
  summary: 2000,
  descriptor: 2000,
  question: 500,
  levelsMin: 2,
  levelsMax: 7,
  headingsMin: 1,
  headingsMax: 20,
  elementsMin: 1,
  elementsMax: 30,
  questionsMax: 20,
} as const;

/** Lowercase words joined by single hyphens: safe in URLs, CSV headers and file names. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const colourPattern = /^#[0-9a-f]{6}$/i;

export interface FrameworkLevel {
  key: string;
  label: string;
  meaning?: string;
  colour: string;
  descriptor?: string;
}

export interface FrameworkElement {
  key: string;
  name: string;
  summary?: string;
  questions: string[];
  /** Level key → what the element looks like at that level; often only the two ends. */
  descriptors: Record<string, string>;
}

export interface FrameworkHeading {
  key: string;
  name: string;
  elements: FrameworkElement[];
}

export interface FrameworkDocument {
  format: typeof frameworkFormat;
  key: string;
  name: string;
  summary?: string;
  scale: { levels: FrameworkLevel[] };
  headings: FrameworkHeading[];
}

/** How a value reads to someone who wrote it in a text editor. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return `${String(value)} (a yes/no value)`;
    case 'object':
      return 'a set of fields';
    default:
      return 'something Tandem cannot read';
  }
}

const count = (n: number): string => n.toLocaleString('en-GB');
const lengthOf = (input: unknown): string => (typeof input === 'string' ? ` (this has ${count(input.length)})` : '');

/** Required text: trimmed, not empty, not too long. `subject` starts the sentence ("Name", "Each question"). */
function text(enter: string, subject: string, max: number) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? enter
          : `${subject} must be text, not ${describeValue(issue.input)}`,
    })
    .trim()
    .min(1, { error: enter, abort: true })
    .max(max, {
      error: (issue) => `${subject} must be ${count(max)} characters or fewer${lengthOf(issue.input)}`,
      abort: true,
    });
}

/** An empty optional field (`summary:` with nothing after it in YAML, or "") means the field is absent. */
function optional<T extends z.ZodType>(schema: T) {
  return z
    .preprocess(
      (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
      schema.optional(),
    )
    .optional();
}

function slug(what: string, example: string) {
  const { keyMin, keyMax } = frameworkLimits;
  return text(`Enter a key for ${what}, like ${example}`, 'Key', keyMax)
    .min(keyMin, { error: `Key must be at least ${keyMin} characters, like ${example}`, abort: true })
    .regex(slugPattern, {
      error: `Key must use only lowercase letters, digits and single hyphens, like ${example}`,
    });
}

function list<T extends z.ZodType>(
  item: T,
  o: { enter: string; subject: string; min: number; max: number; unit: [one: string, many: string] },
) {
  const amount = (n: number): string => (n === 1 ? `one ${o.unit[0]}` : `${count(n)} ${o.unit[1]}`);
  return z
    .array(item, {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? o.enter
          : `${o.subject} must be a list, not ${describeValue(issue.input)}`,
    })
    .min(o.min, { error: `${o.subject} must have at least ${amount(o.min)}` })
    .max(o.max, {
      error: (issue) =>
        `${o.subject} must have ${amount(o.max)} or fewer` +
        (Array.isArray(issue.input) ? ` (this has ${count(issue.input.length)})` : ''),
    });
}

/** Objects refuse unknown fields (a misspelt `questons:` must not vanish silently); those messages are written where issues become problems. */
function fields<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'invalid_type') return undefined;
      return issue.input === undefined || issue.input === null
        ? `Enter ${what}`
        : `Enter ${what}, not ${describeValue(issue.input)}`;
    },
  });
}

const colour = z
  .string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? // In YAML an unquoted #d4351c starts a comment, so the value arrives empty.
          "Enter a colour as # and six hex digits, like #1d70b8 (in YAML, put it in quotes: '#1d70b8')"
        : `Enter a colour as # and six hex digits, like #1d70b8, not ${describeValue(issue.input)}`,
  })
  .trim()
  .regex(colourPattern, { error: 'Enter a colour as # and six hex digits, like #1d70b8' })
  .toLowerCase();

const L = frameworkLimits;

const levelSchema = fields(
  {
    key: slug('this level', 'amber-green'),
    label: text('Enter a label for this level, like Green', 'Label', L.label),
    meaning: optional(text('Enter what this level means', 'Meaning', L.meaning)),
    colour,
    descriptor: optional(text('Enter a descriptor for this level', 'Descriptor', L.descriptor)),
  },
  'each level as a set of fields (key, label and colour)',
);

const elementSchema = fields(
  {
    key: slug('this element', 'clarity-of-purpose'),
    name: text('Enter a name for this element', 'Name', L.name),
    summary: optional(text('Enter a summary', 'Summary', L.summary)),
    questions: optional(
      list(text('Enter the question, or remove the empty line', 'Each question', L.question), {
        enter: 'Enter the guiding questions as a list',
        subject: 'Questions',
        min: 0,
        max: L.questionsMax,
        unit: ['question', 'questions'],
      }),
    ),
    descriptors: optional(
      z.record(z.string(), text('Enter a descriptor, or remove this level', 'Descriptor', L.descriptor), {
        error: (issue) =>
          `Enter descriptors as fields named after levels (like green: ...), not ${describeValue(issue.input)}`,
      }),
    ),
  },
  'each element as a set of fields (key, name, questions and descriptors)',
);

const headingSchema = fields(
  {
    key: slug('this heading', 'vision-culture-ethos'),
    name: text('Enter a name for this heading', 'Name', L.name),
    elements: list(elementSchema, {
      enter: 'Enter the elements under this heading as a list',
      subject: 'A heading',
      min: L.elementsMin,
      max: L.elementsMax,
      unit: ['element', 'elements'],
    }),
  },
  'each heading as a set of fields (key, name and elements)',
);

export const frameworkDocumentSchema = fields(
  {
    format: z.literal(frameworkFormat, {
      error: (issue) =>
        issue.input === undefined
          ? `Enter format: ${frameworkFormat} at the top of the file, so Tandem knows how to read it`
          : `Tandem reads the format ${frameworkFormat}; change this line to format: ${frameworkFormat}`,
    }),
    key: slug('the framework', 'trust-development'),
    name: text('Enter a name for the framework', 'Name', L.name),
    summary: optional(text('Enter a summary', 'Summary', L.summary)),
    scale: fields(
      {
        levels: list(levelSchema, {
          enter: 'Enter the levels of the scale as a list, weakest first',
          subject: 'The scale',
          min: L.levelsMin,
          max: L.levelsMax,
          unit: ['level', 'levels'],
        }),
      },
      'the scale as a field named levels holding a list',
    ),
    headings: list(headingSchema, {
      enter: 'Enter the headings as a list',
      subject: 'A framework',
      min: L.headingsMin,
      max: L.headingsMax,
      unit: ['heading', 'headings'],
    }),
  },
  `one framework: a set of fields starting with format: ${frameworkFormat}`,
);

export type ParsedFrameworkDocument = z.output<typeof frameworkDocumentSchema>;

/** Field names allowed at each place, for the message about an unknown field. */
export const allowedFields = {
  framework: Object.keys(frameworkDocumentSchema.shape),
  scale: ['levels'],
  level: Object.keys(levelSchema.shape),
  heading: Object.keys(headingSchema.shape),
  element: Object.keys(elementSchema.shape),
} as const;
