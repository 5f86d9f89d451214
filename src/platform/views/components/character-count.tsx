import type { VNode } from 'preact';
import { classNames, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import { i18nAttributes, optionContent, type FormGroupOptions } from './form-group.tsx';
import { Hint, type HintProps } from './hint.tsx';
import type { LabelProps } from './label.tsx';
import { Textarea } from './textarea.tsx';

/** Messages by CLDR plural rule ("one", "other", …), with `%{count}` for the number. */
export type PluralMessages = Record<string, string>;

export interface CharacterCountProps {
  id?: string;
  name?: string;
  rows?: string | number;
  value?: string;
  maxlength?: string | number;
  maxwords?: string | number;
  threshold?: string | number;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
  spellcheck?: boolean;
  countMessage?: { classes?: string };
  textareaDescriptionText?: string;
  charactersUnderLimitText?: PluralMessages;
  charactersAtLimitText?: string;
  charactersOverLimitText?: PluralMessages;
  wordsUnderLimitText?: PluralMessages;
  wordsAtLimitText?: string;
  wordsOverLimitText?: PluralMessages;
}

export function CharacterCount(props: CharacterCountProps): VNode {
  const { maxlength, maxwords, textareaDescriptionText, formGroup, label } = props;
  const id = props.id || props.name;
  const limit = maxwords || maxlength;
  // Without a limit the script fills in the description once it is configured in JavaScript.
  const description = limit
    ? (textareaDescriptionText || `You can enter up to %{count} ${maxwords ? 'words' : 'characters'}`).replaceAll(
        '%{count}',
        String(limit),
      )
    : undefined;

  const groupAttributes: Attributes = {
    'data-module': 'govuk-character-count',
    'data-maxlength': { value: maxlength, optional: true },
    'data-threshold': { value: props.threshold, optional: true },
    'data-maxwords': { value: maxwords, optional: true },
    ...(!limit && textareaDescriptionText
      ? i18nAttributes('textarea-description', { other: textareaDescriptionText })
      : {}),
    ...i18nAttributes('characters-under-limit', props.charactersUnderLimitText),
    ...i18nAttributes('characters-at-limit', props.charactersAtLimitText),
    ...i18nAttributes('characters-over-limit', props.charactersOverLimitText),
    ...i18nAttributes('words-under-limit', props.wordsUnderLimitText),
    ...i18nAttributes('words-at-limit', props.wordsAtLimitText),
    ...i18nAttributes('words-over-limit', props.wordsOverLimitText),
    ...formGroup?.attributes,
  };

  // Neither disabled nor autocomplete reach the textarea: the macro does not pass them on.
  return (
    <Textarea
      id={id}
      name={props.name}
      describedBy={`${id}-info`}
      rows={props.rows}
      spellcheck={props.spellcheck}
      value={props.value}
      formGroup={{
        classes: classNames('govuk-character-count', formGroup?.classes),
        attributes: groupAttributes,
        beforeInput: formGroup?.beforeInput,
      }}
      classes={classNames('govuk-js-character-count', props.classes)}
      label={{
        html: label?.html,
        text: label?.text,
        classes: label?.classes,
        isPageHeading: label?.isPageHeading,
        attributes: label?.attributes,
      }}
      hint={props.hint}
      errorMessage={props.errorMessage}
      attributes={props.attributes}
    >
      <Hint
        text={description}
        id={`${id}-info`}
        classes={classNames('govuk-character-count__message', props.countMessage?.classes)}
      />
      {optionContent(formGroup?.afterInput)}
    </Textarea>
  );
}
