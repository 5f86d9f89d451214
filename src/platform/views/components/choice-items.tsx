import type { VNode } from 'preact';
import { Raw } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import type { FieldsetProps } from './fieldset.tsx';
import { Hint, type HintProps } from './hint.tsx';
import { describedByIds, optionContent } from './form-group.tsx';
import { InputGroup, type InputGroupFormGroup } from './input-group.tsx';
import { Label } from './label.tsx';

/**
 * What govuk-frontend's radios and checkboxes templates have in common: the same
 * item markup (bar the block name and input type), ids, dividers and conditional
 * reveals, inside the same form group and optional fieldset.
 */

export type ChoiceValue = string | number | boolean;

export interface ChoiceOption {
  text?: string;
  html?: string;
  id?: string;
  value: ChoiceValue;
  label?: { classes?: string; attributes?: Attributes };
  hint?: HintProps;
  checked?: boolean;
  conditional?: { html: string };
  disabled?: boolean;
  attributes?: Attributes;
}

export interface ChoiceDivider {
  divider: string;
}

/** Falsy entries are skipped but still count towards item ids, as in the templates. */
export type Maybe<T> = T | false | null | undefined;

/** Any item either template accepts; it tells dividers from options by `divider` alone. */
type AnyChoice = Partial<ChoiceOption> & { divider?: string; name?: string; behaviour?: string };

type Kind = 'radios' | 'checkboxes';

interface ChoicesProps {
  kind: Kind;
  name: string;
  idPrefix: string | undefined;
  items: Array<Maybe<AnyChoice>>;
  /** Whether an option with no `checked` of its own is checked, given its value. */
  matches: (value: ChoiceValue | undefined) => boolean;
  describedBy: string | undefined;
  /** Checkboxes without a fieldset point each input at the group's hint and error too. */
  describeItemsByGroup: boolean;
  hint: HintProps | undefined;
  errorMessage: ErrorMessageProps | undefined;
  formGroup: InputGroupFormGroup | undefined;
  fieldset: FieldsetProps | undefined;
  classes: string | undefined;
  attributes: Attributes | undefined;
}

export function Choices(props: ChoicesProps): VNode {
  const { kind, name, items, hint, errorMessage, formGroup, fieldset, classes, attributes } = props;
  const idPrefix = props.idPrefix || name;
  const describedBy = describedByIds(props.describedBy, idPrefix, hint, errorMessage);
  const itemContext: ItemContext = {
    kind,
    name,
    matches: props.matches,
    describedBy: props.describeItemsByGroup && !fieldset ? describedBy : undefined,
  };
  return (
    <InputGroup
      idPrefix={idPrefix}
      describedBy={describedBy}
      hint={hint}
      errorMessage={errorMessage}
      formGroup={formGroup}
      fieldset={fieldset}
    >
      {/* Ordered so that, as in the template's HTML where the first duplicate wins, custom attributes override `data-module` but not `class`. */}
      <div data-module={`govuk-${kind}`} {...toAttributes(attributes)} class={classNames(`govuk-${kind}`, classes)}>
        {optionContent(formGroup?.beforeInputs)}
        {(items ?? []).map((item, index) =>
          item ? (
            <ChoiceItem
              context={itemContext}
              item={item}
              // The first id has no number so that an error summary can link to it.
              id={item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix)}
            />
          ) : null,
        )}
        {optionContent(formGroup?.afterInputs)}
      </div>
    </InputGroup>
  );
}

interface ItemContext {
  kind: Kind;
  name: string;
  matches: (value: ChoiceValue | undefined) => boolean;
  describedBy: string | undefined;
}

function ChoiceItem({ context, item, id }: { context: ItemContext; item: AnyChoice; id: string }): VNode {
  const { kind } = context;
  if (item.divider) return <div class={`govuk-${kind}__divider`}>{item.divider}</div>;

  // An explicit `checked: false` wins over a matching value.
  const checked = item.checked
    ? true
    : item.checked === undefined || item.checked === null
      ? context.matches(item.value)
      : false;
  const hasHint = Boolean(item.hint?.text || item.hint?.html);
  const hintId = `${id}-item-hint`;
  const describedBy = classNames(context.describedBy, hasHint && hintId);
  const conditionalHtml = item.conditional?.html;
  const conditionalId = `conditional-${id}`;
  const isCheckbox = kind === 'checkboxes';

  return (
    <>
      <div class={`govuk-${kind}__item`}>
        <input
          {...toAttributes(item.attributes)}
          class={`govuk-${kind}__input`}
          id={id}
          name={(isCheckbox && item.name) || context.name}
          type={isCheckbox ? 'checkbox' : 'radio'}
          value={String(item.value ?? '')}
          checked={checked}
          disabled={item.disabled ? true : undefined}
          data-aria-controls={conditionalHtml ? conditionalId : undefined}
          data-behaviour={(isCheckbox && item.behaviour) || undefined}
          aria-describedby={describedBy || undefined}
        />
        <Label
          html={item.html}
          text={item.text}
          classes={classNames(`govuk-${kind}__label`, item.label?.classes)}
          attributes={item.label?.attributes}
          for={id}
        />
        {hasHint && (
          <Hint
            id={hintId}
            classes={classNames(`govuk-${kind}__hint`, item.hint?.classes)}
            attributes={item.hint?.attributes}
            html={item.hint?.html}
            text={item.hint?.text}
          />
        )}
      </div>
      {conditionalHtml && (
        <div
          class={classNames(`govuk-${kind}__conditional`, !checked && `govuk-${kind}__conditional--hidden`)}
          id={conditionalId}
        >
          <Raw html={conditionalHtml.trim()} />
        </div>
      )}
    </>
  );
}
