/**
 * Texts of editing and deleting customers and contacts, added to the app's translations
 * under `customerEdit.` (a block of their own, imported by the components that use it).
 */
import i18n from '../../i18n';

const zh = {
  edit: '编辑',
  delete: '删除',
  editCustomer: '编辑客户',
  editContact: '编辑联系人',
  editContactOf: '编辑联系人 {{name}}',
  deleteContactOf: '删除联系人 {{name}}',
  noChanges: '没有修改',
  deleted: '已删除',
  empty: '（空）',
  yes: '是',
  no: '否',
  stale:
    '保存前，别人修改了这条记录（现在是第 {{version}} 版），您这次的修改还没有保存。表单已换成最新的数据，您改过的内容仍然保留；请核对标出的字段后再保存。',
  staleTheirs: '别人刚改过这一项，这里已是新的值',
  staleClash: '别人刚改成：{{value}}；这里仍是您填的值',
  overrideReason: '破例原因（客户还没有通过资格确认就进入“方案”阶段）',
  deleteCustomerTitle: '删除客户“{{name}}”？',
  deleteCustomerBody:
    '将一并删除它的 {{contacts}} 个联系人、{{visits}} 条拜访记录，以及它的全部订单、跟进、逼单记录、询问董事长的记录、下次拜访计划、会销邀请、交接和阶段历史。',
  cannotUndo: '删除后无法恢复。',
  assistantCannotDelete: '助理不能删除客户，请找负责的业务员或经理',
  deleteContactTitle: '删除联系人“{{name}}”？',
  deleteContactBody: '只删除这个联系人；客户和拜访记录都保留。删除后无法恢复。',
  deleteContactKp: 'TA 是这个客户资格确认里的关键人：删除后，客户将缺少关键人，资格确认要重新补上。',
};

type Texts = typeof zh;

const en: Texts = {
  edit: 'Edit',
  delete: 'Delete',
  editCustomer: 'Edit customer',
  editContact: 'Edit contact',
  editContactOf: 'Edit contact {{name}}',
  deleteContactOf: 'Delete contact {{name}}',
  noChanges: 'Nothing changed',
  deleted: 'Deleted',
  empty: '(empty)',
  yes: 'yes',
  no: 'no',
  stale:
    'Someone else changed this record before you saved (it is now version {{version}}); your changes have not been saved yet. The form now shows the latest data with your own changes kept; check the marked fields and save again.',
  staleTheirs: 'Just changed by someone else: this is the new value',
  staleClash: 'Someone else just changed this to: {{value}}; your value is kept here',
  overrideReason: 'Reason for the exception (moving to "proposal" before the customer is qualified)',
  deleteCustomerTitle: 'Delete the customer "{{name}}"?',
  deleteCustomerBody:
    'This also deletes its {{contacts}} contacts, {{visits}} visits, and all its deals, follow-ups, close attempts, chairman consultations, next-visit plans, seminar invitations, hand-offs and stage history.',
  cannotUndo: 'This cannot be undone.',
  assistantCannotDelete: 'Assistants cannot delete customers; ask the salesperson in charge or a manager',
  deleteContactTitle: 'Delete the contact "{{name}}"?',
  deleteContactBody: 'Only this contact is deleted; the customer and its visits stay. This cannot be undone.',
  deleteContactKp:
    "This contact is the customer's key person in its qualification: after deleting, the customer has no key person until one is chosen again.",
};

i18n.addResourceBundle('zh-CN', 'translation', { customerEdit: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { customerEdit: en }, true, false);
