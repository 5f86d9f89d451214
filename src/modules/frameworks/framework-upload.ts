import type { FastifyRequest } from 'fastify';
import { checkUpload, uploadedFiles, uploadProblem } from '../../platform/files/index.ts';
import { maxFileBytes, type FrameworkFileFormat } from './framework-document.ts';

/** The import form's file input and text box. */
export const importFields = { file: 'file', text: 'document' } as const;

export type FrameworkUpload =
  | { outcome: 'none' }
  | { outcome: 'file'; name: string; text: string; format: FrameworkFileFormat }
  /** The file could not be taken (empty, too large, not text): the message for the file input. */
  | { outcome: 'refused'; problem: string };

/** A framework is text: YAML or JSON, or text of another extension whose content says which. */
const allowed = ['yaml', 'json', 'text'] as const;

/** JSON starts with a brace or bracket; anything else a framework file could be is YAML. */
function formatOfText(text: string): FrameworkFileFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** The framework file chosen in the import form, if one was. */
export function frameworkUpload(request: FastifyRequest): FrameworkUpload {
  const problem = uploadProblem(request, importFields.file);
  if (problem) return { outcome: 'refused', problem: problem.message };
  const [file] = uploadedFiles(request, importFields.file);
  if (!file) return { outcome: 'none' };
  const checked = checkUpload(file, { allowed, maxBytes: maxFileBytes });
  if (!checked.ok) {
    // The platform's list of kinds would add "or text file"; people here know these files by their format.
    const problem = checked.reason === 'wrong-type' ? 'The selected file must be a YAML or JSON file' : checked.problem;
    return { outcome: 'refused', problem };
  }
  const text = file.data.toString('utf8');
  const format = checked.kind === 'json' || checked.kind === 'yaml' ? checked.kind : formatOfText(text);
  return { outcome: 'file', name: file.originalName, text, format };
}

/** A box too long for the form (only a multipart post can say so: a urlencoded one over the limit is a 413). */
export function textBoxTooLong(request: FastifyRequest): boolean {
  return uploadProblem(request, importFields.text)?.reason === 'field-too-long';
}
