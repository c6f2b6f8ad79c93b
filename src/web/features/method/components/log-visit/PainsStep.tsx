/** Step 3 of Log a visit: the pains found (category and need), and the pitch list they produce. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, List, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAIN_CATEGORIES } from '../../../../../domain/method/discovery.js';
import { useDiscoveryChain } from '../../api/method-api';
import type { LogVisitFlow } from './log-visit-flow';
import { StepNav } from './StepNav';

/** The pains form; once saved, the products to pitch for them. */
export function PainsStep({ flow }: { flow: LogVisitFlow }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const chain = useDiscoveryChain();
  const { pitch } = flow.state;
  const item = flow.errors.item;
  return (
    <Flex vertical gap={12}>
      <Form
        form={flow.forms.painsForm}
        layout="vertical"
        onFinish={() => {
          if (chain.data) void flow.savePains(chain.data.version);
        }}
        initialValues={{ pains: [{}] }}
      >
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
                    {...item(`pains.${i}.category`)}
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
                    {...item(`pains.${i}.need`)}
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
        <Button type="primary" htmlType="submit" loading={flow.busy} block>
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
      <StepNav flow={flow} />
    </Flex>
  );
}
