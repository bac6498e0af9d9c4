export { EquipmentLog } from './EquipmentLog';
export { PbxOutageWatch } from './PbxOutageWatch';
