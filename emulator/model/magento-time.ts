// Magento stores customer timestamps as UTC `Y-m-d H:i:s` and compares them in whole seconds.

export function magentoDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
