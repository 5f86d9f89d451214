import { extname } from 'node:path';

/**
 * What an uploaded file really is, decided from its first bytes (its "magic number"), never from
 * its name or the content type the browser sent: both are whatever the uploader's computer says.
 * The name only separates kinds whose bytes look alike (a .docx and a .xlsx are both zip files,
 * a .csv and a .yaml are both text), and must then agree with the bytes.
 */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'docx' | 'xlsx' | 'pptx' | 'text' | 'csv' | 'yaml' | 'json';

interface KindDetails {
  /** How the kind is named in "The selected file must be a …", and the article that goes before it. */
  name: string;
  article?: 'an';
  contentType: string;
  extensions: readonly string[];
}

export const fileKinds: Record<FileKind, KindDetails> = {
  pdf: { name: 'PDF', contentType: 'application/pdf', extensions: ['.pdf'] },
  png: { name: 'PNG', contentType: 'image/png', extensions: ['.png'] },
  jpeg: { name: 'JPG', contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  gif: { name: 'GIF', contentType: 'image/gif', extensions: ['.gif'] },
  docx: {
    name: 'Word document',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  xlsx: {
    name: 'Excel spreadsheet',
    article: 'an',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
  },
  pptx: {
    name: 'PowerPoint presentation',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
  },
  text: { name: 'text file', contentType: 'text/plain; charset=utf-8', extensions: ['.txt'] },
  csv: { name: 'CSV', contentType: 'text/csv; charset=utf-8', extensions: ['.csv'] },
  yaml: { name: 'YAML file', contentType: 'application/yaml; charset=utf-8', extensions: ['.yaml', '.yml'] },
  json: { name: 'JSON file', contentType: 'application/json; charset=utf-8', extensions: ['.json'] },
};

const startsWith = (data: Buffer, signature: readonly number[]): boolean =>
  data.length >= signature.length && signature.every((byte, index) => data[index] === byte);

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

/** Each Office Open XML file is a zip whose parts live under a folder named for the application. */
const officeFolders: Record<'docx' | 'xlsx' | 'pptx', string> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    strictUtf8.decode(data);
    return true;
  } catch {
    return false;
  }
}

/** The kind the bytes show, with the name's extension to tell apart kinds whose bytes look alike. */
export function detectFileKind(data: Buffer, originalName: string): FileKind | null {
  const extension = extname(originalName).toLowerCase();
  if (startsWith(data, ascii('%PDF-'))) return 'pdf';
  if (startsWith(data, [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return 'gif';
  if (startsWith(data, zipSignature)) {
    const office = (Object.keys(officeFolders) as Array<keyof typeof officeFolders>).find((kind) =>
      fileKinds[kind].extensions.includes(extension),
    );
    return office && data.includes('[Content_Types].xml') && data.includes(officeFolders[office]) ? office : null;
  }
  if (!isText(data)) return null;
  const textKinds = ['csv', 'yaml', 'json', 'text'] as const;
  return textKinds.find((kind) => fileKinds[kind].extensions.includes(extension)) ?? 'text';
}

export type UploadCheck =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; reason: 'empty' | 'too-large' | 'wrong-type'; problem: string };

const MEGABYTE = 1024 * 1024;

/** "10MB", as GOV.UK writes sizes in messages. */
export function describeSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${Number((bytes / MEGABYTE).toFixed(1))}MB` : `${Math.ceil(bytes / 1024)}KB`;
}

function either(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

/**
 * Whether an upload may be kept, and if not, the problem in words for the error summary:
 * "The selected file is empty", "… must be smaller than 10MB", "… must be a PDF or Word document".
 */
export function checkUpload(
  file: { data: Buffer; originalName: string },
  { allowed, maxBytes }: { allowed: readonly FileKind[]; maxBytes: number },
): UploadCheck {
  if (file.data.length === 0) return { ok: false, reason: 'empty', problem: 'The selected file is empty' };
  if (file.data.length > maxBytes) {
    const problem = `The selected file must be smaller than ${describeSize(maxBytes)}`;
    return { ok: false, reason: 'too-large', problem };
  }
  const kind = detectFileKind(file.data, file.originalName);
  if (kind && allowed.includes(kind)) return { ok: true, kind, contentType: fileKinds[kind].contentType };
  const [first] = allowed;
  const names = [...new Set(allowed.map((each) => fileKinds[each].name))];
  const article = first ? (fileKinds[first].article ?? 'a') : 'a';
  return { ok: false, reason: 'wrong-type', problem: `The selected file must be ${article} ${either(names)}` };
}
