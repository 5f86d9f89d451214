/**
 * Uploaded files, for every module that takes them (review evidence, framework imports).
 *
 * Receiving: a form with a file input posts as multipart (`<Form enctype="multipart/form-data">`).
 * Its text fields arrive in `request.body` as strings, as any form's do (so CSRF and `parseForm`
 * work unchanged), and its files through `uploadedFiles(request, field)`: `{ originalName,
 * contentType, data, size }[]`, none when the input was left empty. Limits: 10 MB a file, 5 files
 * a post. A file over the limit (or too many) is not an error page: `uploadProblem(request, field)`
 * returns `{ reason, message }` for the route to show beside the field, with status 400.
 *
 * Checking: `checkUpload(file, { allowed: ['pdf', 'docx', …], maxBytes })` decides the type from the
 * file's first bytes, not its name or the browser's word, and returns `{ ok: true, kind, contentType }`
 * or `{ ok: false, problem }` with the message to show ("The selected file must be a PDF or …").
 *
 * Keeping: `app.files` is the store (or pass it to a module with `{ db, files: app.files }`).
 * `save({ data, originalName, contentType })` returns a `StoredFile` whose `storedName` is random;
 * keep that in your table, then `read(storedName)` and `remove(storedName)`. Files live in
 * `FILES_DIR`, outside the web root: serve one only from a route that checks who may see it, with
 * `content-disposition: attachment` and the checked content type.
 */
export { sendDownload } from './download.ts';
export { createFileStore, isStoredName, type FileStore, type StoredFile } from './file-store.ts';
export { checkUpload, describeSize, detectFileKind, fileKinds, type FileKind, type UploadCheck } from './file-types.ts';
export {
  defaultUploadLimits,
  uploadedFiles,
  uploadProblem,
  uploadsPlugin,
  type UploadedFile,
  type UploadLimits,
  type UploadProblem,
} from './uploads.ts';
