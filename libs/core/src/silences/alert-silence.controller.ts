import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RowIdPipe } from '../common/row-id.pipe.js';
import { AdminApi, ApiData, ApiErrors, ERRORS } from '../openapi/api-docs.decorators.js';
import { SilenceAlertDto } from './dto/silence-alert.dto.js';
import { silenceAuthor } from './silence-author.js';
import { SilenceView } from './silence.view.js';
import { SilencesService } from './silences.service.js';

@AdminApi('silences')
@Controller('api/v1/alerts')
export class AlertSilenceController {
  constructor(private readonly silences: SilencesService) {}

  @Post(':id/silence')
  @ApiOperation({
    summary: "Silence an alert's events from now on",
    description:
      "Creates a silence of the alert's integration whose conditions are its labels, each " +
      'equal (its title, for an alert without labels), from now for `durationMinutes`. An ' +
      'active alert is silenced at once.',
  })
  @ApiData('The silence created', SilenceView, { status: 201 })
  @ApiErrors({
    400: `${ERRORS.invalid}; also an alert with more labels than a silence has conditions`,
    404: ERRORS.notFound,
    409: 'TooManySilences: end some first',
  })
  async silence(
    @Param('id', RowIdPipe) id: number,
    @Body() dto: SilenceAlertDto,
    @Req() request: FastifyRequest,
  ): Promise<{ data: SilenceView }> {
    return { data: await this.silences.createForAlert(id, dto, silenceAuthor(request)) };
  }
}
