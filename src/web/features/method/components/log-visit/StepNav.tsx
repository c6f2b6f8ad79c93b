/** Back and Next (or Skip, on the close step before an attempt is saved) under a step. */
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LogVisitFlow } from './log-visit-flow';

/** Moves one step back or forward. */
export function StepNav({ flow }: { flow: LogVisitFlow }) {
  const { t } = useTranslation();
  const { step, attempt } = flow.state;
  return (
    <Flex gap={8} wrap justify="space-between" style={{ marginTop: 8 }}>
      <Button onClick={() => flow.go(step - 1)} disabled={step === 0}>
        {t('common.back')}
      </Button>
      <Button onClick={() => flow.go(step + 1)}>
        {step === 3 && !attempt ? t('method.visit.skip') : t('method.visit.next')}
      </Button>
    </Flex>
  );
}
