import { NamedResourceDto } from '../../common/named-resource.dto.js';

export class CreateChannelDto extends NamedResourceDto {}
