/**
 * The annual plan: edit the target and assumptions, see the plan recomputed as you type
 * (the pure planning engine runs in the browser), save it as a new revision for the team.
 */
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { currentLang, money } from '../../../lib/format';
import type { Me } from '../../auth/api/auth-api';
import { customerKeys } from '../../customers/api/customer-keys';
import { planKeys } from '../api/plan-keys';
import { savePlan, syncMarkets, usePlanRevisions } from '../api/plans-api';
import { PlanCharts } from '../components/PlanCharts';
import {
  computePreview,
  defaultPlan,
  fromPlanInput,
  type PlanFormValues,
  planErrorFields,
  planErrorMessage,
  sameAsSaved,
  toPlanInput,
} from '../lib/plan-form';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The plan page. */
export function PlanPage({ me }: { me: Me }) {
  const revisions = usePlanRevisions();
  if (revisions.isPending) return <Skeleton active />;
  if (revisions.isError) return <Alert type="error" showIcon title={revisions.error.message} />;
  return <PlanEditor me={me} revisions={revisions.data} />;
}

function PlanEditor({
  me,
  revisions,
}: {
  me: Me;
  revisions: { year: number; revision: number; input: Record<string, unknown> }[];
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanFormValues>();
  const thisYear = dayjs().year();
  const latest = (year: number) => revisions.find((r) => r.year === year);
  // Only the first render's revisions seed the form (a lazy state, computed once).
  const [initial] = useState<PlanFormValues>(() => {
    const found = revisions.find((r) => r.year === thisYear) ?? revisions[0];
    return found ? fromPlanInput(found.input) : defaultPlan(thisYear);
  });
  const [values, setValues] = useState<PlanFormValues>(initial);
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const deferred = useDeferredValue(values);
  const input = useMemo(() => toPlanInput(deferred), [deferred]);
  const preview = useMemo(() => computePreview(input, dayjs().format('YYYY-MM-DD')), [input]);
  const current = latest(values.year);
  // The export is of the saved revision (the server computes it), never of unsaved edits.
  const unsaved = current ? !sameAsSaved(values, current.input) : false;

  const liveFields = preview.ok ? {} : planErrorFields(preview.error, lang);
  const serverFields = serverError instanceof ApiError ? serverError.fields : {};
  const fields = { ...liveFields, ...serverFields };
  const item = (path: string) =>
    fields[path] ? { validateStatus: 'error' as const, help: fields[path] } : {};
  /** The Form.Item props of the field at `path`: its name and the message reported for it. */
  const at = (...path: (string | number)[]) => ({ name: path, ...item(path.join('.')) });
  const general = serverError
    ? Object.keys(serverFields).length === 0
      ? planErrorMessage(serverError, lang)
      : null
    : preview.ok
      ? null
      : Object.keys(liveFields).length === 0
        ? planErrorMessage(preview.error, lang)
        : t('plan.invalid');

  function onValuesChange(changed: Partial<PlanFormValues>) {
    setServerError(null);
    if (changed.year !== undefined && changed.year !== null) {
      const found = latest(changed.year);
      const next = found ? fromPlanInput(found.input) : { ...form.getFieldsValue(true), year: changed.year };
      form.setFieldsValue(next);
      setValues(next);
      return;
    }
    setValues({ ...(form.getFieldsValue(true) as PlanFormValues) });
  }

  async function save() {
    setServerError(null);
    setBusy(true);
    try {
      const planInput = toPlanInput(form.getFieldsValue(true) as PlanFormValues);
      const saved = await savePlan(planInput);
      if (planInput.markets) {
        await syncMarkets(
          planInput.markets.map((m) => ({
            name: m.name,
            share: Number(m.share),
            ...(m.cities ? { cities: m.cities } : {}),
          })),
        );
      }
      await queryClient.invalidateQueries({ queryKey: planKeys.revisions });
      await queryClient.invalidateQueries({ queryKey: customerKeys.markets });
      message.success(t('plan.savedRevision', { revision: saved.revision }));
    } catch (error) {
      setServerError(error);
    } finally {
      setBusy(false);
    }
  }

  const years = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i);
  const result = preview.ok ? preview.result : null;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('plan.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {current
              ? t('plan.revision', { revision: current.revision })
              : t('plan.noPlan', { year: values.year })}
          </Typography.Text>
        </div>
        <Space wrap>
          {unsaved && current ? (
            <Typography.Text type="warning" data-testid="plan-export-unsaved">
              {t('plan.exportUnsaved', { revision: current.revision })}
            </Typography.Text>
          ) : null}
          <ExportButton year={values.year} revision={current?.revision} lang={lang} />
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            onClick={save}
            loading={busy}
            disabled={me.role !== 'manager' || !preview.ok}
          >
            {t('plan.save')}
          </Button>
        </Space>
      </Flex>
      {general ? <Alert type="error" showIcon title={general} role="alert" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small">
            <Typography.Paragraph type="secondary">{t('plan.intro')}</Typography.Paragraph>
            <Form<PlanFormValues>
              form={form}
              layout="vertical"
              initialValues={initial}
              onValuesChange={onValuesChange}
              disabled={me.role !== 'manager'}
            >
              <Row gutter={8}>
                <Col span={14}>
                  <Form.Item label={t('plan.target')} name="target" {...item('target')}>
                    <Input inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label={t('plan.year')} name="year" {...item('year')}>
                    <Select options={years.map((y) => ({ value: y, label: String(y) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('plan.spreadOver')} name="spreadOver">
                <Radio.Group
                  options={[
                    { value: 'working-days', label: t('plan.workingDays') },
                    { value: 'field-days', label: t('plan.fieldDaysSpread') },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('plan.fieldDays')} name="fieldDays" {...item('fieldDays')}>
                <Checkbox.Group options={WEEKDAYS.map((d, i) => ({ value: i + 1, label: t(`plan.${d}`) }))} />
              </Form.Item>

              <Divider titlePlacement="start">{t('plan.markets')}</Divider>
              <NameAndNumberRows
                list="markets"
                numberField="share"
                nameLabel={t('plan.marketName')}
                numberLabel={t('plan.share')}
                numberPlaceholder="%"
                max={100}
                newRow={{ name: '', share: 0 }}
                addLabel={t('plan.addMarket')}
                item={item}
              />

              <Divider titlePlacement="start">{t('plan.classes')}</Divider>
              <Form.Item name="classMode" label={t('plan.classMode')}>
                <Radio.Group
                  options={[
                    { value: 'funnel', label: t('plan.byFunnel') },
                    { value: 'share', label: t('plan.byShare') },
                  ]}
                />
              </Form.Item>
              {values.classMode === 'share'
                ? (['A', 'B', 'C', 'new'] as const).map((k) => (
                    <Form.Item
                      key={k}
                      label={`${t(`classes.${k}`)} · ${t('plan.share')}`}
                      {...at('classes', k, 'share')}
                    >
                      <InputNumber min={0} max={100} style={{ width: '100%' }} />
                    </Form.Item>
                  ))
                : (['A', 'B', 'C'] as const).map((k) => (
                    <Row gutter={8} key={k}>
                      <Col span={24}>
                        <Typography.Text strong>{t(`classes.${k}`)}</Typography.Text>
                      </Col>
                      <Col span={8}>
                        <Form.Item label={t('plan.customers')} {...at('classes', k, 'customers')}>
                          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item label={t('plan.repeatRate')} {...at('classes', k, 'repeatRate')}>
                          <InputNumber min={0} max={100} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item label={t('plan.averageOrder')} {...at('classes', k, 'averageOrder')}>
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
              {values.classMode === 'funnel' ? (
                <Form.Item
                  label={`${t('classes.new')} · ${t('plan.averageOrder')}`}
                  {...at('classes', 'new', 'averageOrder')}
                >
                  <Input />
                </Form.Item>
              ) : null}

              <Divider titlePlacement="start">{t('plan.funnel')}</Divider>
              <Form.Item label={t('plan.meetingClose')} {...item('funnel.meetingClose')}>
                <Space.Compact block>
                  {[0, 1, 2].map((i) => (
                    <Form.Item key={i} name={['funnel', 'meetingClose', i]} noStyle>
                      <InputNumber
                        min={0}
                        max={100}
                        style={{ width: '33%' }}
                        aria-label={`${t('plan.meetingClose')} ${i + 1}`}
                      />
                    </Form.Item>
                  ))}
                </Space.Compact>
              </Form.Item>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item label={t('plan.winRate')} {...at('funnel', 'winRate')}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('plan.meetingsPerFieldDay')} {...at('funnel', 'meetingsPerFieldDay')}>
                    <InputNumber min={0} max={50} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label={t('plan.prospects')} {...at('funnel', 'prospects')}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>

              <Divider titlePlacement="start">{t('plan.seasonality')}</Divider>
              <Row gutter={[8, 0]}>
                {Array.from({ length: 12 }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months are fixed
                  <Col span={6} sm={4} key={i}>
                    <Form.Item label={t('plan.month', { m: i + 1 })} {...at('seasonality', i)}>
                      <InputNumber min={0} max={100} step={0.1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>

              <Divider titlePlacement="start">{t('plan.members')}</Divider>
              <NameAndNumberRows
                list="members"
                numberField="weight"
                nameLabel={t('plan.memberName')}
                numberLabel={t('plan.weight')}
                numberPlaceholder={t('plan.weight')}
                newRow={{ name: '', weight: 1 }}
                addLabel={t('plan.addMember')}
                item={item}
              />
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          {result ? (
            <Flex vertical gap={16}>
              <Card size="small">
                <Row gutter={16}>
                  <Col xs={12} md={6}>
                    <Statistic
                      title={t('plan.yearTarget')}
                      value={money(result.year.amount)}
                      data-testid="plan-total"
                    />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic
                      title={t('plan.monthlyAverage')}
                      value={money(Math.round(result.year.amount / 12))}
                    />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title={t('plan.workingDays')} value={result.calendar.workingDays} />
                  </Col>
                  <Col xs={12} md={6}>
                    <Statistic title={t('plan.fieldDaysSpread')} value={result.calendar.fieldDays} />
                  </Col>
                </Row>
              </Card>
              <PlanCharts result={result} />
            </Flex>
          ) : (
            <Card size="small">
              <Typography.Text type="secondary">{t('plan.invalid')}</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </Flex>
  );
}

/**
 * Downloads a saved revision as xlsx: a plain link to the export endpoint (same origin, so
 * the session cookie goes with it and the CSP's 'self' allows it). Disabled, with the reason,
 * while the year has no saved revision.
 */
function ExportButton({ year, revision, lang }: { year: number; revision?: number; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  if (revision === undefined) {
    return (
      <Tooltip title={t('plan.exportNeedsSave')}>
        <Button icon={<DownloadOutlined aria-hidden />} disabled>
          {t('common.exportXlsx')}
        </Button>
      </Tooltip>
    );
  }
  const query = new URLSearchParams({ year: String(year), revision: String(revision), lang });
  return (
    <Tooltip title={t('plan.exportSaved', { revision })}>
      <Button icon={<DownloadOutlined aria-hidden />} href={`/api/exports/plan.xlsx?${query}`} download>
        {t('common.exportXlsx')}
      </Button>
    </Tooltip>
  );
}

/**
 * The editable rows of a list of named numbers — markets with their shares, members with
 * their weights: a name, a number, a remove button per row and an add button below.
 */
function NameAndNumberRows(props: {
  list: 'markets' | 'members';
  numberField: 'share' | 'weight';
  nameLabel: string;
  numberLabel: string;
  numberPlaceholder: string;
  max?: number;
  newRow: Record<string, string | number>;
  addLabel: string;
  /** Form.Item props showing the error of a field path, if any. */
  item: (path: string) => object;
}) {
  const { t } = useTranslation();
  const { list, numberField, item } = props;
  return (
    <Form.List name={list}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="start">
              <Form.Item name={[row.name, 'name']} style={{ flex: 1 }} {...item(`${list}.${row.name}.name`)}>
                <Input placeholder={props.nameLabel} aria-label={props.nameLabel} />
              </Form.Item>
              <Form.Item name={[row.name, numberField]} {...item(`${list}.${row.name}.${numberField}`)}>
                <InputNumber
                  min={0}
                  {...(props.max === undefined ? {} : { max: props.max })}
                  placeholder={props.numberPlaceholder}
                  aria-label={props.numberLabel}
                  style={{ width: 80 }}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined aria-hidden />}
                aria-label={t('common.remove')}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add(props.newRow)}>
            {props.addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
