export const EQUIPMENT_CLASSES = ['plough', 'spreader', 'snow-melter', 'loader', 'sweeper'] as const;
export type EquipmentClass = (typeof EQUIPMENT_CLASSES)[number];
