/** "Copy with citation" for one quotation: writes `“…” — speaker, context, outlet, URL` to the clipboard. */
import { useState } from 'preact/hooks';
import { formatCitation, type CitableQuotation } from '../../core/reader-dossier/citation';
import { t } from '../../shared/i18n';

/** The button; says "Copied" (or that the clipboard refused) after a click. */
export function CopyCitation({ quotation, class: className = 'dp-copy' }: { quotation: CitableQuotation; class?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(formatCitation(quotation)).then(
      () => setState('copied'),
      () => setState('refused'),
    );
  };
  return (
    <button type="button" class={className} onClick={copy} aria-live="polite">
      {t(state === 'copied' ? 'copy.copied' : state === 'refused' ? 'copy.refused' : 'copy.button')}
    </button>
  );
}
