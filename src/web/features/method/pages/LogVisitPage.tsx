/**
 * Log a visit, step by step as the method walks it: the meeting (with the third-meeting
 * warning before saving), the discovery questions, the pains and the pitch list they
 * produce, the close attempt (signed / objection / stall with the catalog's scripted
 * replies) and the next step with a follow-up. Every step saves through the API at once
 * and shows the server's errors above the step. Each step is its own component
 * (components/log-visit/); their state lives in one place, `useLogVisit`.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Result, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { linkClick, navigate } from '../../../lib/router';
import { useCustomer } from '../../customers/api/customers-api';
import { useDiscoveryChain, useObjectionTypes, useWorkspaceSettings } from '../api/method-api';
import { CloseStep } from '../components/log-visit/CloseStep';
import { DiscoveryStep } from '../components/log-visit/DiscoveryStep';
import { useLogVisit } from '../components/log-visit/log-visit-flow';
import { MeetingStep } from '../components/log-visit/MeetingStep';
import { NextStep } from '../components/log-visit/NextStep';
import { PainsStep } from '../components/log-visit/PainsStep';
import { StepError } from '../components/log-visit/StepError';

const STEPS = ['meeting', 'discovery', 'pains', 'close', 'next'] as const;

/** The guided visit for one customer. */
export function LogVisitPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const settings = useWorkspaceSettings();
  // Read while the meeting is logged, so the later steps open with their data.
  useDiscoveryChain();
  useObjectionTypes();
  const wide = Grid.useBreakpoint().md ?? true;
  const flow = useLogVisit(customerId);
  const { step, visit, finished } = flow.state;

  if (customer.isPending || settings.isPending) return <Skeleton active />;
  if (customer.isError) {
    return <Result status="error" title={t('error.title')} subTitle={customer.error.message} />;
  }
  const c = customer.data;

  if (finished) {
    return (
      <Result
        status="success"
        title={t('method.visit.finished')}
        subTitle={c.name}
        extra={[
          <Button key="c" type="primary" onClick={() => navigate(`/customers/${customerId}`)}>
            {t('method.visit.toCustomer')}
          </Button>,
          <Button key="t" onClick={() => navigate('/today')}>
            {t('method.visit.toToday')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <a href={`/customers/${customerId}`} onClick={linkClick(`/customers/${customerId}`)}>
        <ArrowLeftOutlined aria-hidden /> {c.name}
      </a>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('method.visit.title')}: {c.name}
      </Typography.Title>
      <Steps
        current={step}
        items={STEPS.map((s) => ({ title: t(`method.visit.steps.${s}`) }))}
        size="small"
        type={wide ? 'navigation' : 'inline'}
        responsive={false}
        onChange={(s) => {
          if (visit) flow.go(s);
        }}
        style={{ overflowX: 'auto' }}
      />
      <Card>
        <StepError error={flow.errors.error} />
        {step === 0 ? (
          <MeetingStep
            flow={flow}
            meetings={c.meetings}
            policy={settings.data?.thirdMeetingPolicy ?? 'warn'}
          />
        ) : null}
        {step === 1 ? <DiscoveryStep flow={flow} /> : null}
        {step === 2 ? <PainsStep flow={flow} /> : null}
        {step === 3 ? <CloseStep flow={flow} /> : null}
        {step === 4 ? <NextStep flow={flow} /> : null}
      </Card>
    </Flex>
  );
}
