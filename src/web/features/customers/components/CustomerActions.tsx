/**
 * The customer page's "Edit" and "Delete": the customer dialog in edit mode, and a
 * confirmation that names everything the server deletes with the customer.
 */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../contract/customers.js';
import { ApiError, type Page } from '../../../lib/api';
import { navigate } from '../../../lib/router';
import { useMe } from '../../auth/api/auth-api';
import { customerKeys } from '../api/customer-keys';
import { deleteCustomer, useContacts, useVisits } from '../api/customers-api';
import { ConfirmDelete } from './ConfirmDelete';
import { CustomerForm } from './CustomerForm';
import '../i18n-edit';

/** How many a list holds, "200+" when there are more pages, "…" while loading. */
function count(page: Page<unknown> | undefined): string {
  if (!page) return '…';
  return `${page.items.length}${page.nextCursor ? '+' : ''}`;
}

/** The two buttons and their dialogs. */
export function CustomerActions({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  // The same queries as the page's lists: the counts come from the cache.
  const contacts = useContacts(customer.id);
  const visits = useVisits(customer.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // The server refuses assistants (AUTH.FORBIDDEN); say so instead of offering the button.
  const mayDelete = me.data?.role !== 'assistant';

  async function remove() {
    try {
      await deleteCustomer(queryClient, customer.id);
      message.success(t('customerEdit.deleted'));
    } catch (error) {
      // Already gone (someone else deleted it): the list is where the user wanted to go.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      await queryClient.invalidateQueries({ queryKey: customerKeys.allLists });
      message.warning(error.message);
    }
    navigate('/customers');
  }

  const deleteButton = (
    <Button
      danger
      icon={<DeleteOutlined aria-hidden />}
      disabled={!mayDelete}
      onClick={() => setDeleting(true)}
    >
      {t('common.delete')}
    </Button>
  );

  return (
    // The bottom margin separates the buttons from the details when they wrap under the name.
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
      {mayDelete ? (
        deleteButton
      ) : (
        <Tooltip title={t('customerEdit.assistantCannotDelete')}>{deleteButton}</Tooltip>
      )}
      <CustomerForm open={editing} customer={customer} onClose={() => setEditing(false)} />
      <ConfirmDelete
        open={deleting}
        title={t('customerEdit.deleteCustomerTitle', { name: customer.name })}
        onConfirm={remove}
        onCancel={() => setDeleting(false)}
      >
        <Typography.Paragraph>
          {t('customerEdit.deleteCustomerBody', {
            contacts: count(contacts.data),
            visits: count(visits.data),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph strong style={{ marginBottom: 0 }}>
          {t('customerEdit.cannotUndo')}
        </Typography.Paragraph>
      </ConfirmDelete>
    </Flex>
  );
}
