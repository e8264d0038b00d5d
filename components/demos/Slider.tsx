'use client';
// A labelled range input; the label gives the control its accessible name.
import { useId } from 'react';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** How the current value is shown next to the label. */
  format?: (value: number) => string;
  testId?: string;
}

export default function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  format = String,
  testId,
}: SliderProps) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1 text-sm">
      <label htmlFor={id} className="flex justify-between gap-2">
        <span>{label}</span>
        <output htmlFor={id} className="shrink-0 whitespace-nowrap font-mono tabular-nums">
          {format(value)}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-full accent-sky-600"
      />
    </div>
  );
}
