import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import { Tag, type TagProps } from './tag.tsx';

export interface TaskListItem {
  title: { text?: string; html?: string; classes?: string };
  hint?: { text?: string; html?: string };
  status: { tag?: TagProps; text?: string; html?: string; classes?: string };
  href?: string;
  classes?: string;
}

export interface TaskListProps {
  /** Falsy items are skipped but still count towards the numbered ids, as in the template. */
  items: Array<TaskListItem | false | null | undefined>;
  idPrefix?: string;
  classes?: string;
  attributes?: Attributes;
}

function Task({ item, idPrefix, number }: { item: TaskListItem; idPrefix: string; number: number }): VNode {
  const hintId = `${idPrefix}-${number}-hint`;
  const statusId = `${idPrefix}-${number}-status`;
  const { title, hint, status } = item;
  const titleContent = htmlOrText(title.html || undefined, title.text);
  return (
    <li class={classNames('govuk-task-list__item', item.href && 'govuk-task-list__item--with-link', item.classes)}>
      <div class="govuk-task-list__name-and-hint">
        {item.href ? (
          <a
            class={classNames('govuk-link govuk-task-list__link', title.classes)}
            href={item.href}
            aria-describedby={hint ? `${hintId} ${statusId}` : statusId}
          >
            {titleContent}
          </a>
        ) : (
          <div {...(title.classes ? { class: title.classes } : {})}>{titleContent}</div>
        )}
        {hint && (
          <div id={hintId} class="govuk-task-list__hint">
            {htmlOrText(hint.html || undefined, hint.text)}
          </div>
        )}
      </div>
      <div class={classNames('govuk-task-list__status', status.classes)} id={statusId}>
        {status.tag ? <Tag {...status.tag} /> : htmlOrText(status.html || undefined, status.text)}
      </div>
    </li>
  );
}

export function TaskList({ items, idPrefix, classes, attributes }: TaskListProps): VNode {
  const prefix = idPrefix || 'task-list';
  return (
    <ul {...toAttributes(attributes)} class={classNames('govuk-task-list', classes)}>
      {items.map((item, index) => item && <Task item={item} idPrefix={prefix} number={index + 1} />)}
    </ul>
  );
}
