/** Step 2 of Log a visit: the discovery chain's questions, each answered in the customer's words. */
import { Button, Form, Input, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDiscoveryChain } from '../../api/method-api';
import type { LogVisitFlow } from './log-visit-flow';
import { StepNav } from './StepNav';

/** The questions of the chain in force; blank answers are left out. */
export function DiscoveryStep({ flow }: { flow: LogVisitFlow }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const chain = useDiscoveryChain();
  if (chain.isPending) return <Skeleton active />;
  const questions = chain.data?.questions ?? [];
  return (
    <Form
      form={flow.forms.discoveryForm}
      layout="vertical"
      onFinish={() => {
        if (chain.data) void flow.saveAnswers(chain.data);
      }}
    >
      {questions.map((q, i) => (
        <Form.Item
          key={q.id}
          name={q.id}
          label={`${i + 1}. ${zh ? q.zh : q.en}`}
          extra={(zh ? q.hint || q.hintEn : q.hintEn || q.hint) || undefined}
          {...flow.errors.item(`answers.${i}.answer`)}
        >
          <Input.TextArea rows={2} placeholder={t('method.visit.answer')} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={flow.busy} block>
        {t('method.visit.saveDiscovery')}
      </Button>
      <StepNav flow={flow} />
    </Form>
  );
}
