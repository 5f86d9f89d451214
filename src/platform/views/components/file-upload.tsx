import type { VNode } from 'preact';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import { describedByIds, FormGroup, i18nAttributes, optionContent, type FormGroupOptions } from './form-group.tsx';
import type { HintProps } from './hint.tsx';
import type { LabelProps } from './label.tsx';

export interface FileUploadProps {
  id?: string;
  name: string;
  value?: string;
  disabled?: boolean;
  multiple?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
  /** The drop zone that govuk-frontend's script enhances; without JavaScript the plain input still works. */
  javascript?: boolean;
  chooseFilesButtonText?: string;
  noFileChosenText?: string;
  multipleFilesChosenText?: string | Record<string, string>;
  dropInstructionText?: string;
  enteredDropZoneText?: string;
  leftDropZoneText?: string;
}

/** A file input, as govuk-frontend's file upload. The form around it posts as multipart/form-data. */
export function FileUpload(props: FileUploadProps): VNode {
  const { name, label, hint, errorMessage, formGroup } = props;
  const id = props.id || name;
  const own: Record<string, string | boolean | undefined> = {
    class: classNames('govuk-file-upload', props.classes, errorMessage && 'govuk-file-upload--error'),
    id,
    name,
    type: 'file',
    value: props.value || undefined,
    disabled: props.disabled ? true : undefined,
    multiple: props.multiple ? true : undefined,
    'aria-describedby': describedByIds(props.describedBy || undefined, id, hint, errorMessage),
  };
  const input = <input {...own} {...toAttributes(props.attributes)} />;
  return (
    <FormGroup id={id} label={label} hint={hint} errorMessage={errorMessage} formGroup={formGroup}>
      {optionContent(formGroup?.beforeInput)}
      {props.javascript ? (
        <div
          class="govuk-drop-zone"
          data-module="govuk-file-upload"
          {...i18nAttributes('choose-files-button', props.chooseFilesButtonText)}
          {...i18nAttributes('no-file-chosen', props.noFileChosenText)}
          {...i18nAttributes('multiple-files-chosen', props.multipleFilesChosenText)}
          {...i18nAttributes('drop-instruction', props.dropInstructionText)}
          {...i18nAttributes('entered-drop-zone', props.enteredDropZoneText)}
          {...i18nAttributes('left-drop-zone', props.leftDropZoneText)}
        >
          {input}
        </div>
      ) : (
        input
      )}
      {optionContent(formGroup?.afterInput)}
    </FormGroup>
  );
}
