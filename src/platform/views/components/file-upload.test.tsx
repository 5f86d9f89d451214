import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { FileUpload, type FileUploadProps } from './file-upload.tsx';

testAgainstFixtures('file-upload', (options) => <FileUpload {...(options as unknown as FileUploadProps)} />);
