/** The site setting holding after how many days a waiting item is overdue (default 3). */
export const AGING_SETTING = 'parcels.agingDays';
