"""The new budget year (`styr nytt-ar`): goals and indicators carried into it, its target slots,
its meeting calendar, and at a new mandate period the period's goals flagged for a new decision;
as a plan of edits for the writing mechanism (`styrmodell.write`)."""
