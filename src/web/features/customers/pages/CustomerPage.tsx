/**
 * One customer: its details and meeting count, contacts and the KP, the visit timeline
 * with what each visit found out, the qualification checklist, the next-visit plan and
 * the close attempts with their objections and replies.
 */
import { ArrowLeftOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, List, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { CardTitle } from '../../../lib/CardTitle';
import { linkClick, navigate } from '../../../lib/router';
import {
  CloseAttemptsCard,
  MeetingCount,
  NextVisitPlanCard,
  QualificationCard,
} from '../../method/components/CustomerMethodPanel';
import { useContacts, useCustomer, useMarkets, useMembers } from '../api/customers-api';
import { ContactActions } from '../components/ContactActions';
import { ContactForm } from '../components/ContactForm';
import { CustomerActions } from '../components/CustomerActions';
import { VisitForm } from '../components/VisitForm';
import { VisitTimeline } from '../components/VisitTimeline';

/** The customer page. */
export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(id);
  const contacts = useContacts(id);
  const markets = useMarkets();
  const members = useMembers();
  const [addingContact, setAddingContact] = useState(false);
  const [loggingVisit, setLoggingVisit] = useState(false);

  if (customer.isPending) return <Skeleton active />;
  if (customer.isError) {
    const missing = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '404' : t('error.title')}
        subTitle={missing ? t('customers.notFound') : customer.error.message}
      />
    );
  }
  const c = customer.data;
  const market = markets.data?.items.find((m) => m.id === c.marketId)?.name;
  const owner = members.data?.members.find((m) => m.id === c.ownerId)?.name;
  const none = t('common.none');

  return (
    <Flex vertical gap={16}>
      <a href="/customers" onClick={linkClick('/customers')}>
        <ArrowLeftOutlined aria-hidden /> {t('customers.title')}
      </a>
      <Card>
        <Flex justify="space-between" align="start" gap={8} wrap>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {c.name}
          </Typography.Title>
          <CustomerActions customer={c} />
        </Flex>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('customers.company')}>{c.company ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('common.city')}>{c.city ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('customers.market')}>{market ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('customers.class')}>
            <Tag>{t(`classes.${c.class}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>
            <Tag>{t(`statuses.${c.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.owner')}>{owner ?? none}</Descriptions.Item>
          {c.notes ? (
            <Descriptions.Item label={t('common.notes')} span="filled">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {c.notes}
              </Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <MeetingCount customerId={id} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            title={<CardTitle>{t('customers.contacts')}</CardTitle>}
            extra={
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAddingContact(true)}>
                {t('customers.addContact')}
              </Button>
            }
          >
            <List
              loading={contacts.isPending}
              dataSource={contacts.data?.items ?? []}
              locale={{ emptyText: t('customers.noContacts') }}
              renderItem={(p) => (
                <List.Item
                  actions={[
                    <ContactActions
                      key="actions"
                      contact={p}
                      keyPerson={c.qualification.kpContactId === p.id}
                    />,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <span>
                        {p.name}{' '}
                        {p.title ? <Typography.Text type="secondary">· {p.title}</Typography.Text> : null}{' '}
                        {p.role ? (
                          <Tag color={p.role === 'key_person' ? 'red' : undefined}>
                            {t(`contactRoles.${p.role}`)}
                          </Tag>
                        ) : null}
                        {p.kpConfirmed ? <Tag color="green">{t('customers.kp')}</Tag> : null}
                      </span>
                    }
                    description={[p.phone, p.email].filter(Boolean).join(' · ') || null}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={<CardTitle>{t('customers.visits')}</CardTitle>}>
            {/* In the body, not the header: two buttons beside the title squeeze it out at 375 px. */}
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              <Button
                type="primary"
                icon={<FormOutlined aria-hidden />}
                onClick={() => navigate(`/customers/${id}/log-visit`)}
              >
                {t('method.visit.start')}
              </Button>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setLoggingVisit(true)}>
                {t('customers.logVisit')}
              </Button>
            </Flex>
            <VisitTimeline customerId={id} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <QualificationCard customer={c} />
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <NextVisitPlanCard customerId={id} />
            <CloseAttemptsCard customerId={id} />
          </Flex>
        </Col>
      </Row>
      <ContactForm customerId={id} open={addingContact} onClose={() => setAddingContact(false)} />
      <VisitForm customerId={id} open={loggingVisit} onClose={() => setLoggingVisit(false)} />
    </Flex>
  );
}
