/**
 * What a new mentoring service starts with (SPEC section 2): the meeting pattern, the agreement
 * template and the reading checklist. A provider changes each per service.
 */

export const DEFAULT_MEETING_PATTERN = 'One half-day meeting each half-term (six a year)';

/**
 * The agreement, with {placeholders} filled in from the partnership when a version is made
 * (agreements.service.ts lists them). Plain text: it is what both parties read and accept.
 */
export const DEFAULT_AGREEMENT_TEMPLATE = `Mentoring agreement

Between {mentee} (the mentee{menteeTrust}) and {mentor} (the mentor), arranged by {provider} through its service "{service}".

Term
The partnership runs from {startsOn} to {endsOn}.

Time
The mentor gives {budget} to the partnership: {budgetSplit}. The partnership shows the time planned, used and remaining, and warns before it is spent.

Meetings
{meetingPattern}. The mentee sets the agenda of each meeting. Conversations between meetings are logged briefly and may count against the time.

Fee
{fee}

What the mentee can expect
- A mentor who listens, challenges and keeps what is said confidential.
- Preparation: the mentor reads the documents asked for and visits at least two of the trust's schools.
- Honest feedback to the mentee alone.

What the mentor can expect
- The documents asked for, in good time.
- Meetings kept, or moved with notice.
- Openness about what the mentee wants from the partnership.

Confidentiality
What is discussed, written or shared in this partnership is confidential to its participants. The mentor gives no feedback to the mentee's trust, and nothing from the partnership feeds the trust's performance review of its chief executive. The provider sees that the partnership exists, its stage, its dates and the time used, never its content. Every reading of the partnership's content is recorded, and the mentee can see that record.

Ending
In the last term both sides review progress towards each goal and decide whether to extend the partnership for a further year or to close it, recording what the mentee will sustain without the mentor.`;

/** The documents and data a mentor asks to read (SPEC section 2, "Preparation"). */
export const DEFAULT_DOCUMENT_REQUESTS: ReadonlyArray<{ title: string; detail: string }> = [
  { title: 'Strategic plan', detail: 'The trust’s current strategy or development plan.' },
  { title: 'Latest accounts', detail: 'The most recent audited annual report and accounts.' },
  { title: 'Performance data', detail: 'Outcomes and attendance across the trust’s schools.' },
  { title: 'Inspection reports', detail: 'The latest Ofsted reports for the trust’s schools.' },
  { title: 'Structure chart', detail: 'The trust’s leadership and central team structure.' },
  { title: 'Governance documents', detail: 'The scheme of delegation and the board’s terms of reference.' },
  { title: 'Risk register', detail: 'The trust’s current risk register.' },
];
