// Strings of namespace "callnotes" in en (the feature's locales.ts puts the three languages together).
import type { CallNotesStrings } from './zh-CN';

const en: CallNotesStrings = {
  title: 'Call note: {{who}}',
  unknownCaller: 'unknown number',
  fields: {
    callerName: "Caller's name",
    company: 'Company',
    phone: 'Phone number',
    reason: 'Reason for calling',
    category: 'Category',
    important: 'Important call (record time, place, people and key points)',
    time: 'Time',
    place: 'Place',
    people: 'People',
    matter: 'Key points',
  },
  categories: {
    enquiry: 'Enquiry',
    forPerson: 'Asked for a person',
    business: 'Business',
    complaint: 'Complaint',
    delivery: 'Delivery',
    personal: 'Personal',
    sales: 'Sales call',
    other: 'Other',
  },
  status: {
    loading: 'Opening…',
    new: 'New note: saved as you type',
    pending: 'Saving…',
    saved: 'Saved {{time}}',
    error: 'Could not save: {{message}}. What you typed is kept on this desk and saved again with your next change.',
  },
  suggestions: { label: 'Earlier calls:', use: 'Fill in {{label}}' },
  actions: { message: 'Leave a message…', close: 'Close note' },
  missing: {
    title: 'Calls today without a note',
    empty: 'Every call answered today has a note.',
    write: 'Write the note for the call at {{time}} from {{who}}',
    writeShort: 'Write note',
  },
  shortcuts: { group: 'Call notes', open: "Open the current call's note" },
};

export default en;
