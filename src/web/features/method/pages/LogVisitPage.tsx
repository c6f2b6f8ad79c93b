/**
 * Log a visit, step by step as the method walks it: the meeting (with the third-meeting
 * warning before saving), the discovery questions, the pains and the pitch list they
 * produce, the close attempt (signed / objection / stall with the catalog's scripted
 * replies) and the next step with a follow-up. Every step saves through the API at once
 * and shows the server's errors beside the step.
 */
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Radio,
  Result,
  Select,
  Skeleton,
  Steps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseAttemptCreated } from '../../../../app/close-attempts/create-close-attempt.js';
import type { PitchList } from '../../../../app/discovery/get-pitch-list.js';
import type { VisitWrite } from '../../../../app/visits/visit-schema.js';
import { PAIN_CATEGORIES } from '../../../../domain/method/discovery.js';
import { parseAmount } from '../../../../domain/money.js';
import { ApiError, api } from '../../../lib/api';
import { linkClick, navigate } from '../../../lib/router';
import { customerKeys } from '../../customers/api/customer-keys';
import { useCustomer } from '../../customers/api/customers-api';
import {
  createCloseAttempt,
  createDeal,
  createFollowUp,
  getPitchList,
  logVisit,
  saveDiscovery,
  useDiscoveryChain,
  useObjectionTypes,
  useWorkspaceSettings,
} from '../api/method-api';
import { methodKeys } from '../api/method-keys';

/** The error of a step: the server's message and its field messages, shown as text. */
function useStepError() {
  const [error, setError] = useState<{
    message: string;
    fields: Record<string, string>;
    code: string;
  } | null>(null);
  return {
    error,
    clear: () => setError(null),
    set(e: unknown) {
      if (e instanceof ApiError) setError({ message: e.message, fields: e.fields, code: e.code });
      else setError({ message: e instanceof Error ? e.message : String(e), fields: {}, code: '' });
    },
    item(path: string) {
      const m = error?.fields[path];
      return m ? { validateStatus: 'error' as const, help: m } : {};
    },
  };
}

function StepError({ error }: { error: ReturnType<typeof useStepError>['error'] }) {
  if (!error) return null;
  // The server's message often names the fields already; list only what it leaves out.
  const fields = Object.entries(error.fields).filter(([, m]) => !error.message.includes(m));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={error.message}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map(([path, message]) => (
              <li key={path}>
                {path}: {message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The guided visit for one customer. */
export function LogVisitPage({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const customer = useCustomer(customerId);
  const settings = useWorkspaceSettings();
  const chain = useDiscoveryChain();
  const catalog = useObjectionTypes();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().md ?? true;

  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [visit, setVisit] = useState<VisitWrite | null>(null);
  const [visitVersion, setVisitVersion] = useState(1);
  const [answers, setAnswers] = useState<{ questionId: string; answer: string }[]>([]);
  const [pitch, setPitch] = useState<PitchList | null>(null);
  const [attempt, setAttempt] = useState<CloseAttemptCreated | null>(null);
  const [finished, setFinished] = useState(false);
  const [needReason, setNeedReason] = useState(false);
  const err = useStepError();

  const [meetingForm] = Form.useForm();
  const [discoveryForm] = Form.useForm();
  const [painsForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const [nextForm] = Form.useForm();
  const result = Form.useWatch('result', closeForm) as 'signed' | 'objection' | 'stall' | undefined;
  const objectionKey = Form.useWatch('objectionKey', closeForm) as string | undefined;
  const replyId = Form.useWatch('replyId', closeForm) as string | undefined;
  const status = (Form.useWatch('status', meetingForm) as string | undefined) ?? 'done';

  if (customer.isPending || settings.isPending) return <Skeleton active />;
  if (customer.isError) {
    return <Result status="error" title={t('error.title')} subTitle={customer.error.message} />;
  }
  const c = customer.data;
  // The server counts the customer's meetings (all of them, by the same rule as the list).
  const nextNumber = c.meetings + 1;
  const policy = settings.data?.thirdMeetingPolicy ?? 'warn';
  const third = status !== 'cancelled' && nextNumber >= 3;
  const reasonShown = third && (policy === 'require_reason' || needReason);

  async function run(work: () => Promise<void>) {
    err.clear();
    setBusy(true);
    try {
      await work();
    } catch (e) {
      err.set(e);
      if (e instanceof ApiError && e.code === 'VISIT.THIRD_MEETING_REASON_REQUIRED') setNeedReason(true);
    } finally {
      setBusy(false);
    }
  }

  const saveMeeting = () =>
    run(async () => {
      const v = meetingForm.getFieldsValue() as {
        visitOn?: Dayjs;
        status?: 'done' | 'planned' | 'cancelled';
        purpose?: string;
        outcome?: string;
        thirdMeetingReason?: string;
      };
      const saved = await logVisit({
        customerId,
        visitOn: v.visitOn?.format('YYYY-MM-DD') ?? '',
        status: v.status ?? 'done',
        purpose: trimmed(v.purpose),
        outcome: trimmed(v.outcome),
        thirdMeetingReason: reasonShown ? trimmed(v.thirdMeetingReason) : undefined,
      });
      setVisit(saved);
      setVisitVersion(saved.version);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.visits(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
      ]);
      if (saved.warnings.length === 0) setStep(1);
    });

  const saveAnswers = () =>
    run(async () => {
      if (!visit || !chain.data) return;
      const values = discoveryForm.getFieldsValue() as Record<string, string | undefined>;
      const list = chain.data.questions.flatMap((q) => {
        const a = trimmed(values[q.id]);
        return a ? [{ questionId: q.id, answer: a }] : [];
      });
      const saved = await saveDiscovery(visit.id, {
        version: visitVersion,
        discoveryVersion: chain.data.version,
        answers: list,
        pains: [],
      });
      setAnswers(list);
      setVisitVersion(saved.version);
      setStep(2);
    });

  const savePains = () =>
    run(async () => {
      if (!visit || !chain.data) return;
      const values = painsForm.getFieldsValue() as { pains?: { category?: string; need?: string }[] };
      const pains = (values.pains ?? []).map((p) => ({
        category: p.category ?? '',
        need: p.need?.trim() ?? '',
      }));
      const saved = await saveDiscovery(visit.id, {
        version: visitVersion,
        discoveryVersion: chain.data.version,
        answers,
        pains,
      });
      setVisitVersion(saved.version);
      setPitch(await getPitchList(customerId));
    });

  const saveAttempt = () =>
    run(async () => {
      if (!visit) return;
      const v = closeForm.getFieldsValue() as Record<string, unknown>;
      const attemptedOn = visit.visitOn;
      if (v.result === 'signed') {
        let amountMinor: number;
        try {
          amountMinor = parseAmount(String(v.amount ?? ''));
        } catch {
          throw new ApiError(400, 'AMOUNT.INVALID', t('method.visit.amountInvalid'), {});
        }
        const deal = await createDeal({ customerId, amountMinor, signedOn: attemptedOn });
        setAttempt(
          await createCloseAttempt({
            customerId,
            visitId: visit.id,
            attemptedOn,
            result: 'signed',
            dealId: deal.id,
          }),
        );
      } else {
        const own = v.replyId === 'own';
        const whom = trimmed(v.meetWhom)
          ?.split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean);
        const nextVisit = {
          goal: trimmed(v.nextGoal),
          meetWhom: whom && whom.length > 0 ? whom : undefined,
          bring: trimmed(v.bring),
          plannedOn: (v.plannedOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
        };
        const anyNext = Object.values(nextVisit).some((x) => x !== undefined);
        setAttempt(
          await createCloseAttempt({
            customerId,
            visitId: visit.id,
            attemptedOn,
            result: v.result === 'stall' ? 'stall' : 'objection',
            objectionKey: trimmed(v.objectionKey),
            replyId: own ? undefined : trimmed(v.replyId),
            replyText: own ? trimmed(v.replyText) : undefined,
            customerWords: trimmed(v.customerWords),
            response: (v.response as 'resolved' | 'unresolved' | undefined) ?? undefined,
            concern: trimmed(v.concern),
            fundsOn: (v.fundsOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
            nextVisit: anyNext ? nextVisit : undefined,
          }),
        );
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: methodKeys.closeAttempts(customerId) }),
        queryClient.invalidateQueries({ queryKey: methodKeys.today }),
        queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
        queryClient.invalidateQueries({ queryKey: methodKeys.nextVisitPlans(customerId) }),
      ]);
    });

  const finish = () =>
    run(async () => {
      if (!visit) return;
      const v = nextForm.getFieldsValue() as {
        nextStep?: string;
        dueOn?: Dayjs;
        kind?: string;
        notes?: string;
      };
      const nextStep = trimmed(v.nextStep);
      if (nextStep) {
        const updated = await api<VisitWrite>('PATCH', `/api/visits/${visit.id}`, {
          body: { nextStep, version: visitVersion },
        });
        setVisitVersion(updated.version);
      }
      if (v.dueOn || trimmed(v.kind)) {
        await createFollowUp({
          customerId,
          dueOn: v.dueOn?.format('YYYY-MM-DD') ?? '',
          kind: trimmed(v.kind) ?? '',
          notes: trimmed(v.notes) ?? null,
        });
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.visits(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
        queryClient.invalidateQueries({ queryKey: methodKeys.today }),
      ]);
      setFinished(true);
    });

  const entries = (catalog.data ?? []).filter((e) => !e.archived && e.kind === result);
  const entry = entries.find((e) => e.key === objectionKey);
  const nav = (disabled = false) => (
    <Flex gap={8} wrap justify="space-between" style={{ marginTop: 8 }}>
      <Button onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
        {t('common.back')}
      </Button>
      <Button onClick={() => setStep((s) => s + 1)} disabled={disabled}>
        {step === 3 && !attempt ? t('method.visit.skip') : t('method.visit.next')}
      </Button>
    </Flex>
  );

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

  const steps = [
    { title: t('method.visit.steps.meeting') },
    { title: t('method.visit.steps.discovery') },
    { title: t('method.visit.steps.pains') },
    { title: t('method.visit.steps.close') },
    { title: t('method.visit.steps.next') },
  ];

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
        items={steps}
        size="small"
        type={wide ? 'navigation' : 'inline'}
        responsive={false}
        onChange={(s) => {
          if (visit) setStep(s);
        }}
        style={{ overflowX: 'auto' }}
      />
      <Card>
        <StepError error={err.error} />
        {step === 0 ? (
          visit ? (
            <Flex vertical gap={12}>
              <Alert
                type="success"
                showIcon
                title={t('method.visit.saved', { n: visit.meetingNumber ?? '—' })}
              />
              {visit.warnings.map((w) => (
                <Alert
                  key={w.code}
                  type="warning"
                  showIcon
                  data-testid="visit-warning"
                  title={t('method.visit.serverWarning')}
                  description={zh ? w.zh : w.en}
                />
              ))}
              {nav()}
            </Flex>
          ) : (
            <Form
              form={meetingForm}
              layout="vertical"
              initialValues={{ visitOn: dayjs(), status: 'done' }}
              onFinish={saveMeeting}
            >
              <Form.Item label={t('method.visit.visitOn')} name="visitOn" required {...err.item('visitOn')}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
              <Form.Item label={t('method.visit.status')} name="status" {...err.item('status')}>
                <Radio.Group
                  optionType="button"
                  options={(['done', 'planned', 'cancelled'] as const).map((s) => ({
                    value: s,
                    label: t(`method.visit.statuses.${s}`),
                  }))}
                />
              </Form.Item>
              {status !== 'cancelled' ? (
                <Alert
                  type={third ? 'warning' : 'info'}
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="meeting-number"
                  title={t('method.visit.meetingNumber', { n: nextNumber })}
                  description={
                    third ? (
                      <span data-testid="third-meeting-warning">
                        {t('method.visit.thirdWarning')}{' '}
                        {policy === 'block'
                          ? t('method.visit.policyBlock')
                          : policy === 'require_reason'
                            ? t('method.visit.policyReason')
                            : t('method.visit.policyWarn')}
                      </span>
                    ) : undefined
                  }
                />
              ) : null}
              {reasonShown ? (
                <Form.Item
                  label={t('method.visit.reason')}
                  name="thirdMeetingReason"
                  required
                  {...err.item('thirdMeetingReason')}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
              ) : null}
              <Form.Item label={t('method.visit.purpose')} name="purpose" {...err.item('purpose')}>
                <Input />
              </Form.Item>
              <Form.Item label={t('method.visit.outcome')} name="outcome" {...err.item('outcome')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('method.visit.saveVisit')}
              </Button>
            </Form>
          )
        ) : null}

        {step === 1 ? (
          chain.isPending ? (
            <Skeleton active />
          ) : (
            <Form form={discoveryForm} layout="vertical" onFinish={saveAnswers}>
              {(chain.data?.questions ?? []).map((q, i) => (
                <Form.Item
                  key={q.id}
                  name={q.id}
                  label={`${i + 1}. ${zh ? q.zh : q.en}`}
                  extra={(zh ? q.hint || q.hintEn : q.hintEn || q.hint) || undefined}
                  {...err.item(`answers.${i}.answer`)}
                >
                  <Input.TextArea rows={2} placeholder={t('method.visit.answer')} />
                </Form.Item>
              ))}
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('method.visit.saveDiscovery')}
              </Button>
              {nav()}
            </Form>
          )
        ) : null}

        {step === 2 ? (
          <Flex vertical gap={12}>
            <Form form={painsForm} layout="vertical" onFinish={savePains} initialValues={{ pains: [{}] }}>
              <Form.List name="pains">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Card
                        key={field.key}
                        size="small"
                        style={{ marginBottom: 8 }}
                        title={`${t('method.visit.pain')} ${i + 1}`}
                        extra={
                          <Button
                            size="small"
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('common.remove')}
                            onClick={() => remove(field.name)}
                          />
                        }
                      >
                        <Form.Item
                          label={t('method.visit.category')}
                          name={[field.name, 'category']}
                          required
                          {...err.item(`pains.${i}.category`)}
                        >
                          <Select
                            aria-label={t('method.visit.category')}
                            options={PAIN_CATEGORIES.map((p) => ({ value: p.key, label: zh ? p.zh : p.en }))}
                          />
                        </Form.Item>
                        <Form.Item
                          label={t('method.visit.need')}
                          name={[field.name, 'need']}
                          required
                          {...err.item(`pains.${i}.need`)}
                        >
                          <Input.TextArea rows={2} />
                        </Form.Item>
                      </Card>
                    ))}
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => add({})}
                      block
                      style={{ marginBottom: 12 }}
                    >
                      {t('method.visit.addPain')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('method.visit.savePains')}
              </Button>
            </Form>
            {pitch ? (
              <Card size="small" title={t('method.visit.pitchList')} data-testid="pitch-list">
                <List
                  dataSource={pitch.items}
                  locale={{ emptyText: t('method.visit.noPitch') }}
                  renderItem={(p) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <span>
                            {p.name} <Tag>{t('method.visit.painsAnswered', { n: p.painsAnswered })}</Tag>
                          </span>
                        }
                        description={p.features.map((f) => f.name).join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              </Card>
            ) : null}
            {nav()}
          </Flex>
        ) : null}

        {step === 3 ? (
          attempt ? (
            <Flex vertical gap={12}>
              <Alert
                type="success"
                showIcon
                data-testid="attempt-saved"
                title={t('method.visit.attemptSaved', { n: attempt.attemptNumber })}
                description={
                  attempt.created.followUps.length > 0
                    ? t('method.visit.createdFollowUps', { n: attempt.created.followUps.length })
                    : undefined
                }
              />
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  closeForm.resetFields();
                  setAttempt(null);
                }}
              >
                {t('method.visit.another')}
              </Button>
              {nav()}
            </Flex>
          ) : (
            <Form form={closeForm} layout="vertical" onFinish={saveAttempt}>
              <Form.Item label={t('method.visit.result')} name="result" {...err.item('result')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  onChange={() => closeForm.setFieldsValue({ objectionKey: undefined, replyId: undefined })}
                  options={(['signed', 'objection', 'stall'] as const).map((r) => ({
                    value: r,
                    label: t(`method.visit.results.${r}`),
                  }))}
                />
              </Form.Item>
              {result === 'signed' ? (
                <Form.Item
                  label={t('method.visit.amount')}
                  name="amount"
                  required
                  {...err.item('amountMinor')}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
              ) : null}
              {result === 'objection' || result === 'stall' ? (
                <>
                  <Form.Item
                    label={t('method.visit.objectionType')}
                    name="objectionKey"
                    required
                    {...err.item('objectionKey')}
                  >
                    <Select
                      aria-label={t('method.visit.objectionType')}
                      loading={catalog.isPending}
                      onChange={() => closeForm.setFieldsValue({ replyId: undefined })}
                      options={entries.map((e) => ({ value: e.key, label: zh ? e.labelZh : e.labelEn }))}
                    />
                  </Form.Item>
                  {entry ? (
                    <Form.Item label={t('method.visit.replies')} name="replyId" {...err.item('replyId')}>
                      <Radio.Group style={{ width: '100%' }}>
                        <Flex vertical gap={8} style={{ width: '100%' }}>
                          {entry.replies.map((r) => (
                            <Radio key={r.id} value={r.id} style={{ whiteSpace: 'normal' }}>
                              {zh ? r.zh : r.en}
                            </Radio>
                          ))}
                          <Radio value="own">{t('method.visit.ownWords')}</Radio>
                        </Flex>
                      </Radio.Group>
                    </Form.Item>
                  ) : null}
                  {replyId === 'own' ? (
                    <Form.Item
                      label={t('method.visit.replyText')}
                      name="replyText"
                      {...err.item('replyText')}
                    >
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  ) : null}
                  <Form.Item
                    label={t('method.visit.customerWords')}
                    name="customerWords"
                    {...err.item('customerWords')}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item label={t('method.visit.response')} name="response" {...err.item('response')}>
                    <Radio.Group
                      options={(['resolved', 'unresolved'] as const).map((r) => ({
                        value: r,
                        label: t(`method.visit.responses.${r}`),
                      }))}
                    />
                  </Form.Item>
                  {objectionKey === 'think_about_it' ? (
                    <Form.Item
                      label={t('method.visit.concern')}
                      name="concern"
                      required
                      {...err.item('concern')}
                    >
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  ) : null}
                  {objectionKey === 'no_money' ? (
                    <Form.Item
                      label={t('method.visit.fundsOn')}
                      name="fundsOn"
                      required
                      {...err.item('fundsOn')}
                    >
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  ) : null}
                  {objectionKey === 'ask_chairman' ? (
                    <>
                      <Form.Item
                        label={t('method.visit.nextGoal')}
                        name="nextGoal"
                        {...err.item('nextVisit.goal')}
                      >
                        <Input />
                      </Form.Item>
                      <Form.Item
                        label={t('method.visit.meetWhom')}
                        name="meetWhom"
                        {...err.item('nextVisit.meetWhom')}
                      >
                        <Input />
                      </Form.Item>
                      <Form.Item
                        label={t('method.visit.bring')}
                        name="bring"
                        {...err.item('nextVisit.bring')}
                      >
                        <Input />
                      </Form.Item>
                      <Form.Item
                        label={t('method.visit.plannedOn')}
                        name="plannedOn"
                        {...err.item('nextVisit.plannedOn')}
                      >
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </>
                  ) : null}
                </>
              ) : null}
              <Button type="primary" htmlType="submit" loading={busy} block disabled={!result}>
                {t('method.visit.saveAttempt')}
              </Button>
              {nav()}
            </Form>
          )
        ) : null}

        {step === 4 ? (
          <Form
            form={nextForm}
            layout="vertical"
            onFinish={finish}
            initialValues={{ dueOn: dayjs().add(3, 'day'), kind: zh ? '回访' : 'call back' }}
          >
            <Form.Item label={t('method.visit.nextStep')} name="nextStep" {...err.item('nextStep')}>
              <Input />
            </Form.Item>
            <Form.Item label={t('method.visit.followUpOn')} name="dueOn" {...err.item('dueOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('method.visit.followUpKind')} name="kind" {...err.item('kind')}>
              <Input />
            </Form.Item>
            <Form.Item label={t('method.visit.followUpNotes')} name="notes" {...err.item('notes')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('method.visit.finish')}
            </Button>
            <Flex style={{ marginTop: 8 }}>
              <Button onClick={() => setStep(3)}>{t('common.back')}</Button>
            </Flex>
          </Form>
        ) : null}
      </Card>
    </Flex>
  );
}
