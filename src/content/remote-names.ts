/**
 * The names of a whole-page scan, found by the background (`findNames`, src/background/name-finder.ts): the walk
 * hands each text node here instead of matching it, the texts go out in messages of bounded size while the walk goes
 * on (a first small one, so the screen's names come back soon), and the answers come back in walk order, each text's
 * numbers turned into mentions by the frame's own matcher, built from the same plan (`FoundNamesReader`). The page's
 * main thread then never compiles the names patterns or runs the context rules cold for a whole-page scan: it walks,
 * sends and paints. A text whose answer failed or was not well formed comes back without mentions to find here.
 */
import type { Matcher, Mention } from '../core/matcher';
import { FoundNamesReader, type FoundNames } from '../core/names-found';
import { FIND_QUOTES_CHARS, FIND_QUOTES_TEXTS } from '../core/quotes-found';

/** Asks the background for the names in `texts`, given the fingerprint of the plan this frame matches with. */
export type FindNames = (texts: string[], plan: string) => Promise<FoundNames>;

/** A node of the walk with its names: null when the background could not answer for it (find them here). */
export interface ReceivedNode {
  node: Text;
  text: string;
  mentions: Mention[] | null;
}

/** Texts sent at once, in characters: a first message as soon as the walk has this much (about a screen or two). */
const FIRST_MESSAGE_CHARS = 8_000;
/** Then one message per this much text, while the walk goes on. */
const NEXT_MESSAGE_CHARS = 200_000;
/**
 * A text without a letter holds no name, and is not sent: the white space between a page's indented elements is
 * many of its text nodes, and the messaging converts each text of a message on its own.
 */
const LETTER = /\p{L}/u;

interface Batch {
  nodes: Text[];
  texts: string[];
  /** Whether each text was sent (it has a letter): the answer has numbers for those only. */
  sent: boolean[];
  /** The texts sent. */
  asked: string[];
  /** undefined while the background has not answered; null when it could not. */
  found: FoundNamesReader | null | undefined;
  ready: Promise<void>;
}

/** One whole-page scan's names, asked of the background. */
export class RemoteNames {
  private nodes: Text[] = [];
  private texts: string[] = [];
  private chars = 0;
  private sentOnce = false;
  private readonly batches: Batch[] = [];
  /** The first batch not handed out yet, and the next of its nodes. */
  private batchAt = 0;
  private nodeAt = 0;
  /** Milliseconds the background's matcher took for this scan (off the page's main thread). */
  backgroundMs = 0;
  /** Text nodes handed out with the background's names. */
  answered = 0;

  constructor(
    private readonly find: FindNames,
    private readonly plan: string,
    private readonly matcher: Pick<Matcher, 'mentionAt'>,
  ) {}

  /**
   * Queues the next text node of the walk (at most a text window long, far below a message's bounds); sends what is
   * queued once there is enough of it.
   */
  add(node: Text, text: string): void {
    this.nodes.push(node);
    this.texts.push(text);
    this.chars += text.length;
    if (this.chars >= (this.sentOnce ? NEXT_MESSAGE_CHARS : FIRST_MESSAGE_CHARS)) this.send();
  }

  /** Sends every queued text (the walk ended), in messages within the bounds of one. */
  send(): void {
    const { nodes, texts } = this;
    if (nodes.length === 0) return;
    this.nodes = [];
    this.texts = [];
    this.chars = 0;
    this.sentOnce = true;
    let batch = this.batch();
    let chars = 0;
    for (let i = 0; i < nodes.length; i++) {
      const text = texts[i]!;
      const sent = LETTER.test(text);
      if (sent && (chars + text.length > FIND_QUOTES_CHARS || batch.asked.length >= FIND_QUOTES_TEXTS)) {
        this.ask(batch);
        batch = this.batch();
        chars = 0;
      }
      batch.nodes.push(nodes[i]!);
      batch.texts.push(text);
      batch.sent.push(sent);
      if (sent) {
        batch.asked.push(text);
        chars += text.length;
      }
    }
    this.ask(batch);
  }

  private batch(): Batch {
    return { nodes: [], texts: [], sent: [], asked: [], found: undefined, ready: Promise.resolve() };
  }

  /** Sends a batch's texts that have a letter (none: it is answered at once). */
  private ask(batch: Batch): void {
    this.batches.push(batch);
    if (batch.asked.length === 0) {
      batch.found = new FoundNamesReader('', this.matcher);
      return;
    }
    batch.ready = this.find(batch.asked, this.plan).then(
      (answer) => {
        batch.found = typeof answer?.found === 'string' ? new FoundNamesReader(answer.found, this.matcher) : null;
        if (batch.found && typeof answer.ms === 'number') this.backgroundMs += answer.ms;
      },
      (err: unknown) => {
        console.warn('[dossier] could not find the names in the background; finding them here', err);
        batch.found = null;
      },
    );
  }

  /** Whether the first message went out and nothing has been handed out yet. */
  get firstOut(): boolean {
    return this.batches.length > 0 && this.batchAt === 0 && this.nodeAt === 0;
  }

  /** Whether texts wait to be sent, for an answer, or to be handed out. */
  get pending(): boolean {
    return this.nodes.length > 0 || this.batchAt < this.batches.length;
  }

  /**
   * Up to `max` nodes whose answers are in, in walk order, stopping at the first batch still unanswered. Each comes
   * with its mentions, or null to find them here.
   */
  take(max: number): ReceivedNode[] {
    const out: ReceivedNode[] = [];
    while (out.length < max && this.batchAt < this.batches.length) {
      const batch = this.batches[this.batchAt]!;
      if (batch.found === undefined) break;
      const i = this.nodeAt++;
      const text = batch.texts[i]!;
      const mentions = !batch.sent[i] ? [] : batch.found === null ? null : batch.found.next(text);
      if (mentions !== null && batch.sent[i]) this.answered++;
      out.push({ node: batch.nodes[i]!, text, mentions });
      if (this.nodeAt >= batch.nodes.length) {
        this.batches[this.batchAt++] = undefined!;
        this.nodeAt = 0;
      }
    }
    return out;
  }

  /** Resolves once the next batch to hand out has its answer (at once when none waits). */
  next(): Promise<void> {
    return this.batches[this.batchAt]?.ready ?? Promise.resolve();
  }
}
