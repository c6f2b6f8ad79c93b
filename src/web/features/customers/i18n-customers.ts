/**
 * Texts of the customer list's meeting and overdue columns and of the visit timeline's
 * discovery, zh-CN and en. Merged into the app's `translation` namespace (deep, without
 * overwriting), like the other per-feature text files.
 */
import i18n from '../../i18n';

const zh = {
  custList: {
    meetings: '见面次数',
    meetingsHint: '已见面或已约的拜访（不含取消的）。方法要求：不要第三次见同一个客户。',
    twoMeetings: '已见两次：下次必须成交',
    threePlus: '已超过两次',
    overdue: '逾期跟进',
    overdueOnly: '只看有逾期跟进的',
    twiceOnly: '只看已见两次及以上的',
    exportXlsx: '导出 Excel',
    overdueCount: '{{n}} 条逾期',
  },
  timeline: {
    discovery: '需求挖掘',
    pains: '痛点与需求',
    question: '问题',
    unknownQuestion: '问题 {{id}}（第 {{version}} 版问题链）',
    chainVersion: '第 {{version}} 版问题链',
    edit: '编辑',
    delete: '删除',
    editVisit: '编辑拜访',
    deleteVisit: '删除这次拜访？',
    deleteVisitHint:
      '拜访记录会被删除，之后的拜访会重新编号（第几次见面）。它的需求挖掘答案也会一起删除；在这次拜访中记录的成交尝试会保留。',
    deleted: '拜访已删除',
    saved: '拜访已保存',
    status: '状态',
  },
};

const en = {
  custList: {
    meetings: 'Meetings',
    meetingsHint:
      'Visits held or planned (not cancelled). The method: never meet the same customer a third time.',
    twoMeetings: 'Met twice: close at the next meeting',
    threePlus: 'More than two meetings',
    overdue: 'Overdue',
    overdueOnly: 'Only with overdue follow-ups',
    twiceOnly: 'Only those met twice or more',
    exportXlsx: 'Export to Excel',
    overdueCount: '{{n}} overdue',
  },
  timeline: {
    discovery: 'Discovery',
    pains: 'Pains and needs',
    question: 'Question',
    unknownQuestion: 'Question {{id}} (discovery chain version {{version}})',
    chainVersion: 'Discovery chain version {{version}}',
    edit: 'Edit',
    delete: 'Delete',
    editVisit: 'Edit visit',
    deleteVisit: 'Delete this visit?',
    deleteVisitHint:
      'The visit is removed and the later visits are renumbered (meeting 1, 2, 3 …). Its discovery answers go with it; close attempts logged at it are kept.',
    deleted: 'Visit deleted',
    saved: 'Visit saved',
    status: 'Status',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
