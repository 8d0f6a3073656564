import { NamedResourceDto } from '../../common/named-resource.dto.js';

/** Channel names are unique. */
export class CreateChannelDto extends NamedResourceDto {}
