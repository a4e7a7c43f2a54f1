import { createEnvironmentInjector, EnvironmentInjector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import type { Store } from '@ngrx/store';
import { DialerActions } from '../../state/dialer/dialer.actions';
import { searchDirectoryAsTyped } from './typed-entry-field';

describe('the dialer’s typed entry field', () => {
  it('looks names up as they are typed, and stops listening once its component is destroyed', () => {
    const text = new FormControl('', { nonNullable: true });
    const store = jasmine.createSpyObj<Store>('Store', ['dispatch']);
    const component = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    runInInjectionContext(component, () => searchDirectoryAsTyped(text, store, signal(null)));

    text.setValue('Casey');
    expect(store.dispatch).toHaveBeenCalledOnceWith(DialerActions.searchChanged({ text: 'Casey' }));

    component.destroy();
    text.setValue('Casey N');
    expect(store.dispatch).toHaveBeenCalledTimes(1);
  });
});
