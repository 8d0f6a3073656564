import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { TEMPLATE_VARIABLES } from '../notification-template.js';

const PLACEHOLDERS =
  `Placeholders {{name}} for ${TEMPLATE_VARIABLES.join(', ')} and labels.<name>; ` +
  '{{#name}}…{{/name}} shows its text only when name is not empty';

export class SubscriptionTemplateDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 300,
    description: PLACEHOLDERS,
    example: '[{{headline}}] {{title}}',
  })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ minLength: 1, maxLength: 4000, description: PLACEHOLDERS })
  @IsString()
  @Length(1, 4000)
  body!: string;
}
