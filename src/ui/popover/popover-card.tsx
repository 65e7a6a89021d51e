/**
 * The popover card: who or what this is, what they want (or what is wanted of this region), what exactly was said,
 * and who reported it. Renders a CardModel; knows nothing about the page or the extension.
 */
import { useState } from 'preact/hooks';
import type { ActorCard, CardModel, QuoteCard, RegionCard } from '../../core/card-model';
import {
  DiffersBadge,
  DisagreementBlock,
  Figure,
  PositionList,
  QuoteBlock,
  QuoteWordingBlock,
  Section,
  SourceLinks,
  trusted,
  type SourceHref,
} from './card-parts';
import { dialogDescription, dialogLabel } from './card-a11y';
import { FromYourReading } from '../reader-dossier/from-your-reading';
import { SavedQuotation } from '../reader-dossier/saved-quotation';
import { dataInOtherLanguage, plural, t, uiLanguage } from '../../shared/i18n';
import { dataLineText } from '../data-line';

/** Where a "Not this" applies: only on this site, or on every site. */
export type NotThisScope = 'site' | 'everywhere';

/** Props of PopoverCard. */
export interface PopoverCardProps {
  card: CardModel;
  sourceHref: SourceHref;
  /** "Not this": stop highlighting this alias; omitted, the action is not offered. */
  onNotThis?: (scope: NotThisScope) => void;
  onClose?: () => void;
  /** The site name shown on the "only here" choice. */
  site?: string;
  /**
   * Whether the "Not this" choices are open, when the caller keeps that state (the popover does, so that every change
   * of the card's DOM comes from its own synchronous render: see src/content/popover). Omitted, the card keeps it.
   */
  notThisOpen?: boolean;
  /** Opens the "Not this" choices, with `notThisOpen`. */
  onNotThisOpen?: () => void;
}

function ActorBody({ card, href }: { card: ActorCard; href: SourceHref }) {
  return (
    <>
      {card.speaksFor.length > 0 ? (
        <p class="dp-line">{t('card.speaksFor', { names: card.speaksFor.map((a) => a.name).join(', ') })}</p>
      ) : null}
      <Section title={t('card.section.speakingForIt')} when={card.spokespeople.length > 0}>
        <ul class="dp-list dp-people">
          {card.spokespeople.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>, {p.role}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('card.section.positions')} count={card.positions.length} when={card.positions.length > 0}>
        <PositionList items={card.positions} href={href} addressees regions />
      </Section>
      <Section title={t('card.section.askedOfThem')} count={card.askedOf.length} when={card.askedOf.length > 0}>
        <PositionList items={card.askedOf} href={href} holders regions />
      </Section>
      <Section title={t('card.section.inTheirWords')} count={card.quotes.length} when={card.quotes.length > 0}>
        {card.quotes.map((q) => (
          <QuoteBlock key={q.id} quote={q} href={href} />
        ))}
      </Section>
      <Section title={t('card.section.whereSourcesDiffer')} count={card.disagreements.length} when={card.disagreements.length > 0}>
        {card.disagreements.map((d) => (
          <DisagreementBlock key={d.id} item={d} href={href} />
        ))}
      </Section>
      <FromYourReading actor={{ type: 'bundled', id: card.entityId }} />
    </>
  );
}

function RegionBody({ card, href }: { card: RegionCard; href: SourceHref }) {
  return (
    <>
      <p class="dp-line dp-description" lang="en">{card.description}</p>
      {card.parts.length > 0 ? <p class="dp-line">{t('card.madeUpOf', { names: card.parts.join(', ') })}</p> : null}
      <Section title={t('card.section.whoControlsIt')} when={card.control.length > 0}>
        {card.control.map((g) => (
          <div class={`dp-control${g.differs ? ' dp-disputed' : ''}`} key={g.holder}>
            <div class="dp-control-head">
              <span>{g.holder}</span>
              {g.differs ? <DiffersBadge /> : null}
            </div>
            <ul class="dp-list dp-figures">
              {g.figures.map((f, i) => (
                <Figure key={i} figure={f} href={href} />
              ))}
            </ul>
            {g.note ? <p class="dp-note" lang="en">{g.note}</p> : null}
          </div>
        ))}
      </Section>
      {card.disagreements.map((d) => (
        <DisagreementBlock key={d.id} item={d} href={href} />
      ))}
      <Section title={t('card.section.positionsConcerningIt')} count={card.positions.length} when={card.positions.length > 0}>
        <PositionList items={card.positions} href={href} holders addressees />
      </Section>
    </>
  );
}

function QuoteBody({ card, href }: { card: QuoteCard; href: SourceHref }) {
  return (
    <>
      {card.speaker ? <p class="dp-line">{card.speaker.role}</p> : null}
      <QuoteBlock quote={card.quote} href={href} />
      {card.wording ? <QuoteWordingBlock wording={card.wording} /> : null}
      {card.carriedBy.length > 1 ? (
        <p class="dp-line dp-carried">
          {plural('card.carriedBy', card.carriedBy.length)} <SourceLinks sources={card.carriedBy} href={href} />
        </p>
      ) : null}
    </>
  );
}

function subtitle(card: CardModel): string {
  if (card.kind === 'actor') return `${card.role} · ${card.affiliation}`;
  if (card.kind === 'region') return card.partOf.length > 0 ? t('card.subtitle.partOf', { names: card.partOf.join(', ') }) : '';
  if (card.kind === 'reader-actor') return t('card.subtitle.inYourDossier');
  return t(card.kind === 'saved-quote' ? 'card.subtitle.fromYourDossier' : 'card.subtitle.knownQuotation');
}

function kindLabel(card: CardModel): string {
  if (card.kind === 'actor') return t(`card.kind.${card.actorKind}`);
  if (card.kind === 'region') return t(`regionKind.${card.regionKind}`);
  if (card.kind === 'reader-actor') return t(card.category === 'people' ? 'card.kind.person' : 'card.kind.institutionOrState');
  return t('card.kind.quote');
}

/** The card's title: a name from the data, whose words a known quotation is, or the reader's own quotation. */
function cardTitle(card: CardModel): string {
  if (card.kind === 'saved-quote') return t('reading.savedQuotation');
  if (card.kind !== 'quote') return card.title;
  return card.speaker ? t('card.quotedTitle', { name: card.speaker.name }) : t('card.quotationTitle');
}

/** "Why is this highlighted?": whose name the page's text is, or whose words it quotes. */
function whyHighlighted(card: CardModel): string {
  if (card.kind === 'saved-quote') return t('card.whySaved');
  if (card.kind === 'quote') return card.speaker ? t('card.whyQuote', { name: card.speaker.name }) : t('card.whyQuoteUnnamed');
  const names = { alias: card.matchedAlias, text: card.matchedText, title: card.title };
  if (card.kind === 'reader-actor') return card.matchedText === card.matchedAlias ? t('card.whyYourName', names) : t('card.whyYourMatch', names);
  return card.matchedText === card.matchedAlias ? t('card.whyName', names) : t('card.whyMatch', names);
}

function NotThis(props: { alias: string; site?: string; onNotThis: (scope: NotThisScope) => void; open?: boolean; onOpen?: () => void }) {
  const [own, setOwn] = useState(false);
  const open = props.open ?? own;
  const onOpen = props.onOpen ?? (() => setOwn(true));
  if (!open)
    return (
      <button type="button" class="dp-button dp-notthis" aria-expanded="false" onClick={trusted(onOpen)}>
        {t('card.notThis')}
      </button>
    );
  return (
    <div class="dp-notthis-choices" role="group" aria-label={t('card.stopHighlighting', { alias: props.alias })}>
      <span>{t('card.stopHighlighting', { alias: props.alias })}:</span>
      <button type="button" class="dp-button" data-scope="site" onClick={trusted(() => props.onNotThis('site'))}>
        {props.site ? t('card.onSite', { site: props.site }) : t('card.onThisSite')}
      </button>
      <button type="button" class="dp-button" data-scope="everywhere" onClick={trusted(() => props.onNotThis('everywhere'))}>
        {t('card.everywhere')}
      </button>
    </div>
  );
}

/**
 * The card, as a non-modal dialog named by its entity and kind and described by what it holds (card-a11y.ts).
 * Focusable as a whole (tabIndex -1) so keyboard users land on it. Its buttons act
 * only on trusted events (a click, or Enter / Space on a focused button, which the browser also makes trusted).
 */
export function PopoverCard(props: PopoverCardProps) {
  const { card, sourceHref: href } = props;
  return (
    <section class="dp-card" lang={uiLanguage()} role="dialog" aria-label={dialogLabel(cardTitle(card), kindLabel(card))} aria-describedby="dp-desc" tabIndex={-1} data-kind={card.kind}>
      <p id="dp-desc" class="dp-sr">
        {dialogDescription(card)}
      </p>
      <header class="dp-head">
        <div class="dp-head-text">
          <span class="dp-kind">{kindLabel(card)}</span>
          <h2 class="dp-title">{cardTitle(card)}</h2>
          {subtitle(card) ? <p class="dp-subtitle">{subtitle(card)}</p> : null}
        </div>
        {props.onClose ? (
          <button type="button" class="dp-close" aria-label={t('card.close')} onClick={trusted(() => props.onClose?.())}>
            ×
          </button>
        ) : null}
      </header>
      <div class="dp-body">
        {/* The data's own words (roles, summaries, quotes) are English whatever the interface's language; the
            longer passages of it say so with lang="en", for screen readers. */}
        {dataInOtherLanguage() ? <p class="dp-line dp-data-language">{t('card.dataInEnglish')}</p> : null}
        {card.kind === 'actor' ? <ActorBody card={card} href={href} /> : null}
        {card.kind === 'region' ? <RegionBody card={card} href={href} /> : null}
        {card.kind === 'quote' ? <QuoteBody card={card} href={href} /> : null}
        {card.kind === 'saved-quote' ? <SavedQuotation itemId={card.itemId} wording={card.wording} /> : null}
        {card.kind === 'reader-actor' ? <FromYourReading actor={{ type: 'reader', id: card.entityId }} /> : null}
        {card.kind === 'saved-quote' || card.kind === 'reader-actor' ? null : (
          <p class="dp-appears">
            {plural('card.appearsIn', card.appearsIn.count, { total: card.appearsIn.total })}
          </p>
        )}
        <div class="dp-why">
          <p class="dp-line">
            <span class="dp-why-label">{t('card.why')} </span>
            {whyHighlighted(card)}
          </p>
          {props.onNotThis ? (
            <NotThis alias={card.matchedAlias} site={props.site} onNotThis={props.onNotThis} open={props.notThisOpen} onOpen={props.onNotThisOpen} />
          ) : null}
        </div>
      </div>
      <footer class="dp-foot">{card.footer ? dataLineText(card.footer) : t('card.footerYourDossier')}</footer>
    </section>
  );
}

