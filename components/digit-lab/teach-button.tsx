import { t } from '@/platform/i18n';
import { backpropHandoffItem, encodeDrawing } from '@/features/digits/handoff';
import { openLab } from '@/platform/open-ui';

/** Hand the drawing and the network to the Backprop lab in the side panel ("why this answer?"). */
export function TeachButton({ image, model, closeAfterTeach }: { image: Float32Array; model: string | null; closeAfterTeach: boolean }) {
  return (
    <div class="row">
      <button
        data-testid="digit-teach"
        title={t('bpWhyHint')}
        onClick={() => {
          // Both calls start in this click's task: the side panel only opens during the user's gesture.
          void backpropHandoffItem.setValue({ x: encodeDrawing(image), net: model ?? 'default', at: Date.now() });
          void openLab().then(
            () => closeAfterTeach && window.close(),
            () => undefined,
          );
        }}
      >
        {t('bpWhy')}
      </button>
    </div>
  );
}
