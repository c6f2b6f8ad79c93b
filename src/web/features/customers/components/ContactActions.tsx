/** A contact's "Edit" and "Delete" in the customer page's list (icon buttons named for the contact). */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../contract/contacts.js';
import { deleteContact } from '../api/customers-api';
import { ConfirmDelete } from './ConfirmDelete';
import { ContactForm } from './ContactForm';
import '../i18n-edit';

/** The buttons and their dialogs; `keyPerson` when the customer's qualification names this contact. */
export function ContactActions({ contact, keyPerson }: { contact: Contact; keyPerson: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const editLabel = t('customerEdit.editContactOf', { name: contact.name });
  const deleteLabel = t('customerEdit.deleteContactOf', { name: contact.name });

  async function remove() {
    await deleteContact(queryClient, contact);
    message.success(t('customerEdit.deleted'));
    setDeleting(false);
  }

  return (
    <Flex gap={4}>
      <Tooltip title={editLabel}>
        <Button
          type="text"
          icon={<EditOutlined aria-hidden />}
          aria-label={editLabel}
          onClick={() => setEditing(true)}
        />
      </Tooltip>
      <Tooltip title={deleteLabel}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined aria-hidden />}
          aria-label={deleteLabel}
          onClick={() => setDeleting(true)}
        />
      </Tooltip>
      <ContactForm
        customerId={contact.customerId}
        contact={contact}
        open={editing}
        onClose={() => setEditing(false)}
      />
      <ConfirmDelete
        open={deleting}
        title={t('customerEdit.deleteContactTitle', { name: contact.name })}
        onConfirm={remove}
        onCancel={() => setDeleting(false)}
      >
        {keyPerson ? (
          <Typography.Paragraph type="warning">{t('customerEdit.deleteContactKp')}</Typography.Paragraph>
        ) : null}
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('customerEdit.deleteContactBody')}
        </Typography.Paragraph>
      </ConfirmDelete>
    </Flex>
  );
}
