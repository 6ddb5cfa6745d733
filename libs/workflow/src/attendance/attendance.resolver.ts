import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type HttpRequest, Public, RequireAbility } from '@tongban/core';
import {
  AttendanceEntryModel,
  AttendanceMonthModel,
  AttendanceTerminalModel,
  ClockEventReceiptModel,
  EnterAttendanceInput,
  RecordClockEventsInput,
  RegisterAttendanceTerminalInput,
  RegisteredAttendanceTerminalModel,
} from './attendance.graphql';
import { AttendanceService } from './attendance.service';

/** 考勤 (issue 12); terminals send clock events with their token, no login. */
@Resolver()
export class AttendanceResolver {
  constructor(private readonly service: AttendanceService) {}

  @RequireAbility('update', 'Attendance')
  @Mutation(() => RegisteredAttendanceTerminalModel, {
    description: "Register a center's fingerprint terminal; its token is shown this once",
  })
  registerAttendanceTerminal(
    @Args('input') input: RegisterAttendanceTerminalInput,
  ): Promise<RegisteredAttendanceTerminalModel> {
    return this.service.registerTerminal(input);
  }

  @RequireAbility('update', 'Attendance')
  @Mutation(() => AttendanceTerminalModel, {
    description: 'Revoke a terminal: it records nothing more',
  })
  revokeAttendanceTerminal(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<AttendanceTerminalModel> {
    return this.service.revokeTerminal(id);
  }

  @RequireAbility('update', 'Attendance')
  @Query(() => [AttendanceTerminalModel], {
    description: "A center's attendance terminals (your own by default)",
  })
  attendanceTerminals(
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ): Promise<AttendanceTerminalModel[]> {
    return this.service.terminals(tenantId ?? null);
  }

  @Public()
  @Mutation(() => [ClockEventReceiptModel], {
    description:
      "A fingerprint terminal's clock events (no login: the terminal token); a replayed event is answered as before",
  })
  recordClockEvents(
    @Args('input') input: RecordClockEventsInput,
    @Context('req') req: HttpRequest,
  ): Promise<ClockEventReceiptModel[]> {
    return this.service.recordClockEvents(input, req.ip || 'unknown');
  }

  @RequireAbility('create', 'Attendance')
  @Mutation(() => AttendanceEntryModel, {
    description: 'Enter a clock event by hand, with the reason (audited)',
  })
  enterAttendance(@Args('input') input: EnterAttendanceInput): Promise<AttendanceEntryModel> {
    return this.service.enter(input);
  }

  @RequireAbility('read', 'Attendance')
  @Query(() => AttendanceMonthModel, {
    description: "A tenant's monthly attendance sheet (your own tenant by default)",
  })
  attendanceMonth(
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ): Promise<AttendanceMonthModel> {
    return this.service.month(tenantId ?? null, month);
  }

  @RequireAbility('read', 'Attendance')
  @Query(() => String, { description: 'The monthly attendance sheet as an XLSX file (base64)' })
  exportAttendanceMonth(
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ): Promise<string> {
    return this.service.exportMonth(tenantId ?? null, month);
  }
}
